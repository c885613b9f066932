import { FailureError } from '../core/failure.js';
import type { EpayPaymentObject, HalykApi } from './halyk-api.js';

/** What Halyk's widget reported: its callback's `success`, and the reason code where its form gave one. */
export interface WidgetOutcome {
  success: boolean;
  reasonCode?: string;
}

export interface WidgetOptions {
  /** The buyer pressed Escape: Halyk's overlay has no close button of its own. */
  onEscape: () => void;
  /** Aborted when the attempt ends otherwise: the overlay is taken down. */
  signal: AbortSignal;
}

/** Halyk's payment form: the one frame its script put on the page, and that frame's origin. */
interface HalykForm {
  frame: HTMLIFrameElement;
  origin: string;
}

/**
 * Halyk's widget: an overlay Halyk's script puts on `document.body`, its payment form in a frame.
 * That script accepts any message whose origin merely starts with the form's
 * (`https://epay.homebank.kz.example` passes) and believes its `success`. While the widget is up, a
 * capturing listener on `window`, added before Halyk's (so it runs first), stops such a message
 * unless it comes from the form's own frame on the form's exact origin; it lets every other
 * message through untouched, and reads the reason code where the form's message carries one.
 *
 * The form's origin is the frame's, as Halyk's script created it: not `epay-script-url`'s, since a
 * self-hosted or leftover copy of the script is served from one origin and shows its form from
 * another. Where there is no such frame to read it from (none, or several, or one without an
 * http(s) address), the guard cannot tell Halyk's form from anyone else, and Halyk's listener
 * would believe anyone: the widget fails closed. It is taken down at once and the attempt ends as
 * `unverified-form`, so the buyer never types a card into a form whose answer could be forged;
 * Halyk's listener may stay on the page, but its callback no longer counts.
 */
export function showHalykWidget(halyk: HalykApi, payment: EpayPaymentObject, options: WidgetOptions): Promise<WidgetOutcome> {
  const { onEscape, signal } = options;
  return new Promise((resolve, reject) => {
    const before = new Set(document.body.children);
    let added: Element[] = [];
    let form: HalykForm | undefined;
    let reasonCode: string | undefined;
    const guard = (event: MessageEvent) => {
      // Nothing can arrive while Halyk's script runs; after it, `form` is known or the widget is gone.
      if (!form || !event.origin.startsWith(form.origin)) return; // not for Halyk's listener anyway
      if (event.origin !== form.origin || event.source !== form.frame.contentWindow) {
        event.stopImmediatePropagation();
        return;
      }
      reasonCode = readReasonCode(event.data) ?? reasonCode;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onEscape();
    };
    const stop = () => {
      window.removeEventListener('message', guard, true);
      document.removeEventListener('keydown', onKey, true);
      signal.removeEventListener('abort', onAbort);
    };
    const takeDown = (reason: unknown) => {
      stop();
      for (const element of added) element.remove();
      reject(reason);
    };
    const onAbort = () => takeDown(signal.reason);
    window.addEventListener('message', guard, true);
    document.addEventListener('keydown', onKey, true);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      halyk.showPaymentWidget(payment, (result) => {
        stop();
        resolve({ success: result?.success === true, ...(reasonCode === undefined ? {} : { reasonCode }) });
      });
    } catch {
      stop();
      reject(new FailureError({ source: 'network', reason: 'bad-answer' }));
      return;
    }
    added = [...document.body.children].filter((child) => !before.has(child));
    form = halykForm(added);
    if (!form) {
      takeDown(new FailureError({ source: 'network', reason: 'unverified-form' }));
      return;
    }
    // The buyer's focus goes where the buyer now is.
    form.frame.focus();
  });
}

/** The one frame among what Halyk's script added to the page, with its http(s) origin; else undefined. */
function halykForm(added: readonly Element[]): HalykForm | undefined {
  const frames = added.flatMap((element) => [...(element.matches('iframe') ? [element] : []), ...element.querySelectorAll('iframe')]);
  if (frames.length !== 1) return undefined;
  const frame = frames[0] as HTMLIFrameElement;
  // Its address carries the whole payment (`?params=`, the token included): only its origin is read.
  let url: URL;
  try {
    url = new URL(frame.src);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? { frame, origin: url.origin } : undefined;
}

/** The reason code in the form's message (a JSON string, as Halyk's script reads it), if any. */
function readReasonCode(data: unknown): string | undefined {
  let value: unknown = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as Record<string, unknown>).reasonCode;
  return (typeof code === 'number' && Number.isInteger(code)) || (typeof code === 'string' && /^-?\d{1,4}$/.test(code)) ? String(code) : undefined;
}
