import type sodiumModule from 'libsodium-wrappers';
import { deadline } from '../util/deadline.js';
import { instantiateEmptyWasm, importLibsodium } from './libsodium-module.js';

type Sodium = typeof sodiumModule;

/** Why sealing could not start; each maps to a message that names the cause and the fix. */
export type CryptoFailureReason = 'csp' | 'timeout' | 'load';

export class CryptoUnavailableError extends Error {
  override name = 'CryptoUnavailableError';
  constructor(
    readonly reason: CryptoFailureReason,
    options?: { cause?: unknown },
  ) {
    super(`libsodium unavailable: ${reason}`, options);
  }
}

/** Fails fast, before any download, where WebAssembly cannot run (see `instantiateEmptyWasm`). */
function assertWasmAllowed(): void {
  if (typeof WebAssembly !== 'object') throw new CryptoUnavailableError('load');
  try {
    instantiateEmptyWasm();
  } catch (cause) {
    throw new CryptoUnavailableError('csp', { cause });
  }
}

function describesCsp(error: unknown): boolean {
  return /content.security.policy|unsafe-eval|wasm-eval|code generation disallowed/i.test(String(error));
}

let loading: Promise<Sodium> | undefined;
let ready: Sodium | undefined;

/**
 * One libsodium per page, for every element, loaded on first need with a dynamic import so its
 * chunk never sits on the page's initial path. A failed load is forgotten so Try again can retry.
 */
export function loadSodium(): Promise<Sodium> {
  loading ??= (async () => {
    assertWasmAllowed();
    try {
      const sodium = (await importLibsodium()).default;
      await sodium.ready;
      return (ready = sodium);
    } catch (cause) {
      throw new CryptoUnavailableError(describesCsp(cause) ? 'csp' : 'load', { cause });
    }
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** libsodium if it has loaded and started: a warm click seals at once, without a turn of the event loop. */
export function sodiumIfReady(): Sodium | undefined {
  return ready;
}

/** Starts loading on a sign of intent (pointer on the button, focus); errors wait for the click. */
export function warmSodium(): void {
  loadSodium().catch(() => {});
}

/**
 * `crypto_box_seal(utf8(json), key)` as standard base64 with padding (libsodium's ORIGINAL
 * variant), the body KTPay's API expects.
 */
export function seal(sodium: Sodium, json: string, key: Uint8Array): string {
  const sealed = sodium.crypto_box_seal(sodium.from_string(json), key);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

/** `seal`, once libsodium has loaded (at most `timeoutMs`, and no longer than the attempt lives). */
export async function sealJson(json: string, key: Uint8Array, timeoutMs: number, signal: AbortSignal): Promise<string> {
  const sodium = await deadline(loadSodium(), timeoutMs, () => new CryptoUnavailableError('timeout'), signal);
  return seal(sodium, json, key);
}
