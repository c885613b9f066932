/**
 * Follows `<html lang>`, which single-page apps change when the buyer picks a language. One
 * MutationObserver per page, shared by every element and disconnected when the last one leaves.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

export function documentLang(): string {
  return document.documentElement.lang;
}

/** Calls `listener` whenever `<html lang>` changes; returns the unsubscribe. */
export function watchDocumentLang(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
