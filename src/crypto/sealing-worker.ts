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
 * worker's file): it is registered for the sealing worker, and for nothing else.
 */
function policyWorker(): WorkerConstructor {
  // Made when asked, not as this module loads: a server-side render has no Worker to extend.
  return class extends Worker {
    constructor(url: URL, options: WorkerOptions) {
      allowScriptUrl('sealing-worker', url);
      super(trustedScriptUrl('sealing-worker', url), options);
    }
  };
}

/** `Worker` is the constructor above: this exact form is what bundlers (Vite, webpack) recognize and emit the worker's file for. */
function spawn(Worker: WorkerConstructor): Worker {
  return new Worker(new URL('./seal-worker.ts', import.meta.url), { type: 'module', name: 'ktpay-checkout sealing' });
}

/**
 * A sealing worker, once libsodium has started in it; `undefined` where no worker can start (a
 * CSP whose `worker-src` leaves us out, the script served from another origin than the page, a
 * bundler that did not emit the worker's file), or once `giveUp` aborts before it is ready: the
 * caller then seals on the main thread.
 */
export function startSealingWorker(giveUp?: AbortSignal): Promise<WorkerSealer | undefined> {
  let worker: Worker;
  try {
    worker = spawn(policyWorker());
  } catch {
    return Promise.resolve(undefined);
  }
  const pending = new Map<number, (reply: SealReply | undefined) => void>();
  let nextId = 0;
  const ask = (request: Omit<SealRequest, 'id'>) =>
    new Promise<SealReply | undefined>((answer) => {
      const id = nextId++;
      pending.set(id, answer);
      worker.postMessage({ id, ...request } satisfies SealRequest);
    });
  /** It did not start, or stopped: whoever waits hears `undefined`. */
  const stopped = () => {
    worker.terminate();
    for (const answer of pending.values()) answer(undefined);
    pending.clear();
  };
  worker.addEventListener('error', stopped);
  giveUp?.addEventListener('abort', stopped, { once: true });
  worker.addEventListener('message', ({ data }: MessageEvent<SealReply>) => {
    pending.get(data.id)?.(data);
    pending.delete(data.id);
    if (data.type === 'failed') stopped(); // libsodium did not start there
  });
  // A readiness check first: the worker answers it once libsodium has started.
  return ask({}).then((reply) => {
    giveUp?.removeEventListener('abort', stopped);
    return reply?.type === 'ready'
      ? {
          seal: (json, key) =>
            ask({ json, key }).then((reply) => {
              if (reply?.type === 'sealed') return reply.sealed;
              throw new Error('the sealing worker stopped');
            }),
        }
      : undefined;
  });
}
