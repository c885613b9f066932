import type sodiumModule from 'libsodium-wrappers';
import { sealWith } from '../crypto/seal-with.js';

let loading: Promise<typeof sodiumModule> | undefined;

/** libsodium, loaded on the first seal; a failed load is forgotten, so the next seal tries again. */
function sodium(): Promise<typeof sodiumModule> {
  loading ??= import('libsodium-wrappers').then(async ({ default: loaded }) => (await loaded.ready, loaded));
  loading.catch(() => (loading = undefined));
  return loading;
}

/** `json` sealed to `key` as the element seals it: standard base64 with padding of `crypto_box_seal`. */
export async function sealJson(json: string, key: Uint8Array): Promise<string> {
  return sealWith(await sodium(), json, key);
}
