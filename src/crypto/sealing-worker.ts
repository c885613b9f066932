import type { SealReply, SealRequest } from './seal-messages.js';

/** Seals in the worker: one message there and one back, a millisecond or two once it is ready. */
export interface WorkerSealer {
  seal(json: string, key: Uint8Array): Promise<string>;
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
export async function startSealingWorker(giveUp?: AbortSignal): Promise<WorkerSealer | WorkerRefused> {
  let scripts: typeof import('../core/script-starts.js');
  try {
    scripts = await import('../core/script-starts.js');
  } catch (error) {
    return { why: `the chunk that starts it did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  // The one started on the buyer's first sign of intent, its script perhaps already in; else one now.
  const spawned = scripts.takeEarlySealingWorker() ?? scripts.spawnSealingWorker();
  const { worker, error, url } = spawned;
  if (!worker) return { why: `new Worker(${url}) threw: ${error instanceof Error ? error.message : String(error)}` };
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
  const readiness = ask({});
  if (spawned.failed) failedToLoad(); // started early, and its script already refused
  return readiness.then((reply) => {
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
