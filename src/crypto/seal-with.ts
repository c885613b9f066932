import type sodiumModule from 'libsodium-wrappers';

/**
 * `crypto_box_seal(utf8(json), key)` as standard base64 with padding (libsodium's ORIGINAL
 * variant), the body KTPay's API expects. The same call on the main thread and in the worker.
 */
export function sealWith(sodium: typeof sodiumModule, json: string, key: Uint8Array): string {
  const sealed = sodium.crypto_box_seal(sodium.from_string(json), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
