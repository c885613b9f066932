import type sodiumModule from 'libsodium-wrappers';
import { deadline } from '../util/deadline.js';
import { instantiateEmptyWasm, importLibsodium } from './libsodium-module.js';
import { sealWith } from './seal-with.js';
import { startSealingWorker } from './sealing-worker.js';

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

/** Seals an order: in the sealing worker, or on the main thread where no worker can start. */
interface Sealer {
  seal(json: string, key: Uint8Array): Promise<string> | string;
}

/** How long the sealing worker may take to start libsodium before the main thread takes over. */
const WORKER_READY_MS = 5000;

let loading: Promise<Sealer> | undefined;
let said = false;

/** The console hears why the worker did not start once per page, not once per Try again. */
function saidOnce(line: string): void {
  if (said) return;
  said = true;
  console.warn(line);
}

let started = false;
let mainThreadSodium: Sodium | undefined;

/**
 * One sealer per page, for every element, started on first need: the worker where it can start,
 * so libsodium is parsed and compiled off the main thread; else libsodium itself, with a dynamic
 * import so its chunk never sits on the page's initial path. A failed start is forgotten so Try
 * again can retry.
 */
export function loadSealer(): Promise<Sealer> {
  loading ??= (async (): Promise<Sealer> => {
    // The page's CSP decides whether WebAssembly may run (the worker's own may allow it; the
    // merchant's policy is the page's): fail fast, and the same way, with or without a worker.
    try {
      assertWasmAllowed();
    } catch (error) {
      // A worker started on intent, for nothing.
      import('../core/script-starts.js').then((scripts) => scripts.takeEarlySealingWorker()?.worker?.terminate(), () => {});
      throw error;
    }
    // A worker not ready in a few seconds (held up where no page would wait: a proxy, a service
    // worker) is given up for the main thread, well within the crypto timeout.
    const worker = await startSealingWorker(AbortSignal.timeout(WORKER_READY_MS));
    if ('seal' in worker) return worker;
    saidOnce(`ktpay-checkout: the sealing worker did not start, so orders are sealed on the page's main thread: ${worker.why.replace(/\.$/, '')}.`);
    try {
      const sodium = (await importLibsodium()).default;
      await sodium.ready;
      mainThreadSodium = sodium;
      return { seal: (json, key) => sealWith(sodium, json, key) };
    } catch (cause) {
      throw new CryptoUnavailableError(describesCsp(cause) ? 'csp' : 'load', { cause });
    }
  })();
  loading.then(
    () => (started = true),
    () => (loading = undefined),
  );
  return loading;
}

/** The sealer has started: a seal is a message away (or immediate), not a download. */
export function sealerStarted(): boolean {
  return started;
}

/**
 * The seal at once, where libsodium runs on the main thread and has started: a warm click then
 * sends without a turn of the event loop. `undefined` otherwise (the worker answers in a message).
 */
export function sealNow(json: string, key: Uint8Array): string | undefined {
  return mainThreadSodium && sealWith(mainThreadSodium, json, key);
}

/** Starts the sealer on a sign of intent (pointer on the button, focus); errors wait for the click. */
export function warmSealer(): void {
  loadSealer().catch(() => {});
}

/**
 * The order's seal, once the sealer has started, however long that takes: made ahead of Pay (on
 * intent), for `sealJson` to bound when Pay comes.
 */
export function sealAhead(json: string, key: Uint8Array): Promise<string> {
  const sealer = loadSealer();
  return sealer.then(async ({ seal }) => {
    try {
      return await seal(json, key);
    } catch (cause) {
      // The worker stopped: the next attempt starts a new sealer.
      if (loading === sealer) [loading, started] = [undefined, false];
      throw new CryptoUnavailableError('load', { cause });
    }
  });
}

/**
 * The order's seal, at most `timeoutMs` from now and no longer than the attempt lives: the one
 * made `ahead` where there is one (made again if that failed), else one made now.
 */
export function sealJson(json: string, key: Uint8Array, timeoutMs: number, signal: AbortSignal, ahead?: Promise<string>): Promise<string> {
  const sealing = ahead ? ahead.catch(() => sealAhead(json, key)) : sealAhead(json, key);
  return deadline(sealing, timeoutMs, () => new CryptoUnavailableError('timeout'), signal);
}
