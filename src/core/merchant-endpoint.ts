import { FailureError } from './failure.js';
import { fetchText, type FetchTextOptions } from './fetch-text.js';

/**
 * POSTs JSON to the merchant's own server (ePay's `auth-url`, KTPay's `seal-url`), which decides
 * what the browser must not: the amount, the secrets. Its refusals are `auth` failures: 404 an
 * order it does not know, 409 an amount that is not the order's, any other error status `http`
 * (Try again where it is 5xx); 429 asks to slow down. The page's cookies go along on its own
 * origin (the endpoint may need the buyer's session). Gives the answer's status and JSON
 * (undefined when it is not JSON), for the caller to check its shape.
 */
export async function postToMerchant(url: URL, body: unknown, options: FetchTextOptions): Promise<{ status: number; answer: unknown }> {
  const { status, text } = await fetchText(
    url,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' },
    options,
  );
  if (status === 429) throw new FailureError({ source: 'network', reason: 'busy', status });
  if (status === 404) throw new FailureError({ source: 'auth', reason: 'unknown-order', status });
  if (status === 409) throw new FailureError({ source: 'auth', reason: 'amount', status });
  if (status >= 400) throw new FailureError({ source: 'auth', reason: 'http', status });
  try {
    return { status, answer: JSON.parse(text) as unknown };
  } catch {
    return { status, answer: undefined };
  }
}
