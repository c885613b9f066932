import { FailureError } from '../core/failure.js';
import type { EpayPaymentObject, HalykApi } from './halyk-api.js';

/** What Halyk's widget reported: its callback's `success`, and the reason code where its form gave one. */
export interface WidgetOutcome {
  success: boolean;
  reasonCode?: string;
}

export interface WidgetOptions {
  /** The exact origin of Halyk's payment form. */
  formOrigin: string;
  /** The buyer pressed Escape: Halyk's overlay has no close button of its own. */
  onEscape: () => void;
  /** Aborted when the attempt ends otherwise: the overlay is taken down. */
  signal: AbortSignal;
}

/**
 * Halyk's widget: an overlay Halyk's script puts on `document.body`, its payment form in a frame.
 * That script accepts any message whose origin merely starts with the form's
 * (`https://epay.homebank.kz.example` passes) and believes its `success`. While the widget is up, a
 * capturing listener on `window`, which runs before Halyk's, stops such a message unless it comes
 * from the overlay's own frame on the form's exact origin; it lets every other message through
 * untouched, and reads the reason code where the form's message carries one.
 */
export function showHalykWidget(halyk: HalykApi, payment: EpayPaymentObject, options: WidgetOptions): Promise<WidgetOutcome> {
  const { formOrigin, onEscape, signal } = options;
  return new Promise((resolve, reject) => {
    const before = new Set(document.body.children);
    let overlay: Element | undefined;
    let frame: HTMLIFrameElement | null = null;
    let reasonCode: string | undefined;
    const guard = (event: MessageEvent) => {
      if (!event.origin.startsWith(formOrigin)) return; // not for Halyk's listener anyway
      if (event.origin !== formOrigin || !frame || event.source !== frame.contentWindow) {
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
    const onAbort = () => {
      stop();
      overlay?.remove();
      reject(signal.reason);
    };
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
    overlay = [...document.body.children].find((child) => !before.has(child));
    frame = overlay?.querySelector('iframe') ?? null;
    // The buyer's focus goes where the buyer now is.
    frame?.focus();
  });
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
