import { text } from './text.js';

export const DEFAULT_TIMEOUT_SECONDS = 30;

/**
 * The `timeout` attribute (seconds; absent or blank for the default) in milliseconds, or undefined
 * when it is not a positive number. Its own module: the element reads it before the rest of the
 * parameters have loaded, to bound the wait for the modal's code.
 */
export function readTimeoutMs(seconds: unknown): number | undefined {
  const given = text(seconds);
  const value = given === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(given);
  if (!(value > 0) || !Number.isFinite(value)) return undefined;
  // setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); longer would fire at once.
  return Math.min(value * 1000, 2 ** 31 - 1);
}
