/**
 * Settles when `work` settles or after `ms`, whichever is first; `onTimeout` runs in the second
 * case. The timer is cleared as soon as `work` settles, so nothing lingers. `work` is expected to
 * handle its own rejection.
 */
export function within(work: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
    void work.finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
