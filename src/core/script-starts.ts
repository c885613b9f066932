// The scripts the element starts, the sealing worker and Halyk's payment-api.js, and the one Trusted
// Types policy both go through (trusted-types.ts, re-exported here): a chunk of its own, fetched on
// the buyer's first sign of intent beside the modal's, so the sealing worker (libsodium's download,
// the longest part of a first tap) starts without waiting for the modal's code.
//
// Every user imports this module with import(), never statically: a chunk that others also import
// statically gets its exports renamed, and the bundle's import() of it then needs a helper chunk,
// one more request in a row before the worker starts (test/node/script-tag.test.mjs).
import { libsodiumWasmFile, libsodiumWasmFor } from '../crypto/libsodium-wasm-file.js';
import type { WasmGift } from '../crypto/seal-messages.js';
import { sealsOnPage, type SealerInput } from './page-sealing.js';
import { allowScriptUrl, trustedScriptUrl } from './trusted-types.js';

export { allowScriptUrl, trustedScriptUrl, TrustedTypesRefusedError } from './trusted-types.js';

type WorkerConstructor = new (url: URL, options: WorkerOptions) => Worker;

/**
 * `Worker`, its URL through the element's Trusted Types policy, `ktpay-checkout`
 * (trusted-types.ts), which a page that enforces them lists in its `trusted-types`
 * directive; one that does not is told by a violation report, the constructor throws, and the seal
 * is made on the main thread. The URL it is given is `spawn`'s own (which bundlers rewrite to the
 * worker's file), made the page's (`pageWorkerUrl`) and told to `starting`: it is registered for
 * the sealing worker, and for nothing else.
 */
function policyWorker(starting: (url: URL) => void): WorkerConstructor {
  // Made when asked, not as this module loads: a server-side render has no Worker to extend.
  return class extends Worker {
    constructor(bundled: URL, options: WorkerOptions) {
      const url = pageWorkerUrl(bundled, document.baseURI);
      starting(url);
      allowScriptUrl('sealing-worker', url);
      super(trustedScriptUrl('sealing-worker', url), options);
    }
  };
}

/**
 * The worker file's URL where the page can start it. A bundler that resolves asset paths against
 * a `file:` stand-in for `import.meta.url` (Next.js's Turbopack) gives the right path on the
 * wrong scheme: that path is the page's server's, so it is resolved against the page.
 */
export function pageWorkerUrl(url: URL, page: string): URL {
  return url.protocol === 'file:' ? new URL(url.pathname + url.search, page) : url;
}

/**
 * `Worker` is the constructor above, which gets the URL as the bundler made it: this exact form is
 * what Vite recognizes and bundles the worker for, and what later bundlers (webpack, Turbopack)
 * see in Vite's output as a file beside the chunk and emit.
 */
function spawn(Worker: WorkerConstructor): Worker {
  return new Worker(new URL('../crypto/seal-worker.ts', import.meta.url), { type: 'module', name: 'ktpay-checkout sealing' });
}

/**
 * A sealing worker as started: the worker, or what its constructor threw; `failed` once its
 * script did not load or run, if that was heard before the sealer took it.
 */
export interface SpawnedWorker {
  url: string;
  worker?: Worker;
  error?: unknown;
  failed?: boolean;
}

/**
 * Starts a sealing worker now: its script (libsodium within) downloads and compiles on its own
 * thread. Where libsodium's WebAssembly is a file beside it, the page fetches that file at the same
 * time and hands it over: the worker would ask for it only once its own script had come and run.
 */
export function spawnSealingWorker(): SpawnedWorker {
  const spawned: SpawnedWorker = { url: 'its URL' };
  try {
    const worker = (spawned.worker = spawn(policyWorker((url) => (spawned.url = url.href))));
    worker.onerror = () => (spawned.failed = true);
    if (libsodiumWasmFile) {
      // Fetched on intent already (element/modal-code.ts), else now.
      void libsodiumWasmFor(libsodiumWasmFile, spawned.url).then((wasm) => worker.postMessage({ wasm } satisfies WasmGift, wasm ? [wasm] : []));
    }
  } catch (error) {
    spawned.error = error;
  }
  return spawned;
}

/** The worker started on the buyer's first sign of intent; null once the sealer took it. */
let early: SpawnedWorker | null | undefined;

/**
 * The buyer's first sign of intent: where the page seals, the sealing worker starts now, beside
 * the modal's code rather than after it, so a tap on a page that just loaded waits for libsodium's
 * download alone. Once per page; the sealer takes it when it starts.
 */
export function startSealingWorkerEarly(input: SealerInput): void {
  if (early === undefined && sealsOnPage(input)) early = spawnSealingWorker();
}

/** The worker started early, if any, for the sealer; from then on none is started early. */
export function takeEarlySealingWorker(): SpawnedWorker | undefined {
  const taken = early ?? undefined;
  early = null;
  return taken;
}
