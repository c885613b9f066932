interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Resolves in a task of its own, so the current one (a click's, say) ends first and the browser
 * may paint and take input: `scheduler.yield()` where the browser has it (its continuation goes
 * first in line), else a zero timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after `ms`. */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
