import { OWN_CALLBACK_PARAM } from '../core/callback-urls.js';

/**
 * When the buyer leaves for the payment page in the whole window (`mode="redirect"`, or the link
 * offered when the framed page shows no sign of life), KTPay brings them back to the callback
 * URLs. Where those are the element's own marked URLs, the element on the page they return to
 * picks up the outcome. What it needs to recognise its own trip is kept in sessionStorage: the
 * tab's, gone when it closes, never sent anywhere.
 */
export interface Trip {
  /** The nonce of the attempt's own callback URLs. */
  nonce: string;
  /** The attempt's own callback URLs, as sent to KTPay. */
  successUrl: string;
  failedUrl: string;
  appId: string;
  orderId: string;
  amount: number;
}

const STORAGE_KEY = 'ktpay-checkout:trip';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage; // throws where storage is blocked
  } catch {
    return undefined;
  }
}

export function rememberTrip(trip: Trip): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(trip));
  } catch {
    // Full or blocked: the buyer still pays; only the return is not recognised.
  }
}

function storedTrip(): Trip | undefined {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { nonce, successUrl, failedUrl, appId, orderId, amount } = value as Record<string, unknown>;
    if ([nonce, successUrl, failedUrl, appId, orderId].some((v) => typeof v !== 'string') || typeof amount !== 'number') return undefined;
    return value as Trip;
  } catch {
    return undefined;
  }
}

/**
 * The trip this page is the return of, for the element paying `appId`/`orderId`: the address
 * carries an own callback marker whose nonce is the stored trip's. The trip is used up and the
 * marker taken out of the address bar, so a reload does not report the outcome twice.
 */
export function takeReturnedTrip(appId: string, orderId: string): { trip: Trip; returnedTo: URL } | undefined {
  const returnedTo = new URL(location.href);
  const marker = returnedTo.searchParams.get(OWN_CALLBACK_PARAM);
  const trip = marker ? storedTrip() : undefined;
  if (!trip || trip.appId !== appId || trip.orderId !== orderId || !marker!.endsWith(`.${trip.nonce}`)) return undefined;
  storage()?.removeItem(STORAGE_KEY);
  const clean = new URL(location.href);
  clean.searchParams.delete(OWN_CALLBACK_PARAM);
  history.replaceState(history.state, '', clean.href);
  return { trip, returnedTo };
}
