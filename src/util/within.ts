/**
 * Settles when `work` settles or after `ms`, whichever is first; `onTimeout` runs in the second
 * case. The timer is cleared as soon as `work` settles, so nothing lingers. A rejection of `work` is
 * left to its own handlers.
 */
export function within(work: Promise<unknown>, ms: number, onTimeout: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      onTimeout();
      resolve();
    }, ms);
    const settled = () => {
      clearTimeout(timer);
      resolve();
    };
    work.then(settled, settled);
  });
}
