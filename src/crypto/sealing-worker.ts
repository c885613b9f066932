import type { SealReply, SealRequest } from './seal-messages.js';

/** Seals in the worker: one message there and one back, a millisecond or two once it is ready. */
export interface WorkerSealer {
  seal(json: string, key: Uint8Array): Promise<string>;
}

type WorkerConstructor = new (url: URL, options: WorkerOptions) => Worker;

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): unknown };
}

/** Undefined until first asked; null where the page's `trusted-types` directive does not allow ours. */
let policy: { createScriptURL(url: string): unknown } | null | undefined;

/**
 * Where the browser has Trusted Types, a worker's URL goes through a policy, `ktpay-checkout`,
 * which a page that enforces them lists in its `trusted-types` directive; one that does not is
 * told by a violation report, and the seal is made on the main thread. The policy is this
 * module's own: nothing else can pass a URL through it.
 */
function workerConstructor(): WorkerConstructor {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!trustedTypes) return Worker;
  if (policy === undefined) {
    try {
      policy = trustedTypes.createPolicy('ktpay-checkout', { createScriptURL: (url) => url });
    } catch {
      policy = null;
    }
  }
  if (!policy) throw new Error('Trusted Types: the ktpay-checkout policy is not allowed');
  const allowed = policy;
  return class extends Worker {
    constructor(url: URL, options: WorkerOptions) {
      super(allowed.createScriptURL(url.href) as string, options);
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
    worker = spawn(workerConstructor());
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
