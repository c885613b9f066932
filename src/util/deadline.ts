/**
 * `work`, or a rejection with `timeout()` (by default "no answer in `ms` ms") after `ms`, or with
 * the signal's reason once `signal` aborts, whichever comes first. Its timer and listener go as
 * soon as it settles.
 */
export function deadline<T>(
  work: Promise<T>,
  ms: number,
  timeout: () => Error = () => new Error(`no answer in ${ms} ms`),
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      stop();
      reject(timeout());
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => (stop(), resolve(value)),
      (error: unknown) => (stop(), reject(error)),
    );
  });
}
