import { allowScriptUrl, trustedScriptUrl } from '../core/trusted-types.js';
import type { SealReply, SealRequest } from './seal-messages.js';

/** Seals in the worker: one message there and one back, a millisecond or two once it is ready. */
export interface WorkerSealer {
  seal(json: string, key: Uint8Array): Promise<string>;
}

type WorkerConstructor = new (url: URL, options: WorkerOptions) => Worker;

/**
 * `Worker`, its URL through the element's Trusted Types policy, `ktpay-checkout`
 * (src/core/trusted-types.ts), which a page that enforces them lists in its `trusted-types`
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
  return new Worker(new URL('./seal-worker.ts', import.meta.url), { type: 'module', name: 'ktpay-checkout sealing' });
}

/** Why no sealing worker serves this page: said once in the console, and the seal is made on the main thread. */
export interface WorkerRefused {
  why: string;
}

/**
 * A sealing worker, once libsodium has started in it; or why none can serve (a CSP whose
 * `worker-src` leaves us out, the script served from another origin than the page, a bundler that
 * did not emit the worker's file, `giveUp` aborted before it was ready): the caller then seals on
 * the main thread.
 */
export function startSealingWorker(giveUp?: AbortSignal): Promise<WorkerSealer | WorkerRefused> {
  let worker: Worker;
  let url = 'its URL';
  try {
    worker = spawn(policyWorker((started) => (url = started.href)));
  } catch (error) {
    return Promise.resolve({ why: `new Worker(${url}) threw: ${error instanceof Error ? error.message : String(error)}` });
  }
  let refused: string | undefined;
  const pending = new Map<number, (reply: SealReply | undefined) => void>();
  let nextId = 0;
  const ask = (request: Omit<SealRequest, 'id'>) =>
    new Promise<SealReply | undefined>((answer) => {
      const id = nextId++;
      pending.set(id, answer);
      worker.postMessage({ id, ...request } satisfies SealRequest);
    });
  /** It did not start (for the first reason seen), or stopped: whoever waits hears `undefined`. */
  const stop = (why: string) => {
    refused ??= why;
    worker.terminate();
    for (const answer of pending.values()) answer(undefined);
    pending.clear();
  };
  const failedToLoad = () => stop(`its script ${url} did not load or run (the worker-src CSP directive, a 404, another origin)`);
  const tooSlow = () => stop('it was not ready in time');
  worker.addEventListener('error', failedToLoad);
  giveUp?.addEventListener('abort', tooSlow, { once: true });
  worker.addEventListener('message', ({ data }: MessageEvent<SealReply>) => {
    pending.get(data.id)?.(data);
    pending.delete(data.id);
    if (data.type === 'failed') stop('libsodium did not start in it');
  });
  // A readiness check first: the worker answers it once libsodium has started.
  return ask({}).then((reply) => {
    giveUp?.removeEventListener('abort', tooSlow);
    if (reply?.type !== 'ready') return { why: refused ?? 'it stopped' };
    return {
      seal: (json, key) =>
        ask({ json, key }).then((reply) => {
          if (reply?.type === 'sealed') return reply.sealed;
          throw new Error('the sealing worker stopped');
        }),
    };
  });
}
