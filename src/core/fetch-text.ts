import { deadline } from '../util/deadline.js';
import { FailureError, unreachableError } from './failure.js';

export interface FetchTextOptions {
  timeoutMs: number;
  /** Aborted when the attempt ends (modal closed, element removed): rejects with its reason. */
  signal: AbortSignal;
}

/**
 * One request and its whole body as text. The timeout covers the whole exchange, reading the body
 * included, so a server that stalls after its headers still ends the wait; and it ends the wait by
 * itself, not only through the fetch's abort signal, which WebKit does not always pass on to a body
 * that is still arriving. A request that never got an answer is a network failure (offline or
 * unreachable); a wait past `timeoutMs`, a timeout. Never cached.
 */
export async function fetchText(url: URL, init: RequestInit, { timeoutMs, signal }: FetchTextOptions): Promise<{ status: number; text: string }> {
  const timedOut = new AbortController();
  const exchange = async () => {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.any([signal, timedOut.signal]), cache: 'no-store' });
      return { status: response.status, text: await response.text() };
    } catch {
      if (signal.aborted) throw signal.reason;
      throw unreachableError();
    }
  };
  return deadline(exchange(), timeoutMs, () => {
    timedOut.abort(); // lets the request go, where the browser honours it
    return new FailureError({ source: 'network', reason: 'timeout' });
  }, signal);
}
