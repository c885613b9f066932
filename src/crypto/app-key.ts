/** Length of an X25519 public key, the only key `crypto_box_seal` accepts. */
export const APP_KEY_BYTES = 32;

/**
 * Decodes the merchant's `app-key` without loading libsodium, so a bad key is a validation error
 * before anything heavy loads. Lenient like KTPay's published client: standard or URL-safe
 * alphabet, padded or not. Returns null unless it is base64 of exactly 32 bytes.
 */
export function decodeAppKey(value: string): Uint8Array | null {
  const digits = value.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]+$/.test(digits) || digits.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(digits + '='.repeat((4 - (digits.length % 4)) % 4));
  } catch {
    return null;
  }
  if (binary.length !== APP_KEY_BYTES) return null;
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
