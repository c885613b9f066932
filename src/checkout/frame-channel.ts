export interface FrameChannelOptions {
  /** The origin of the page URL the element opened; nothing else is heard. */
  origin: string;
  /** The iframe's window, looked up at message time (it exists only once rendered). */
  source: () => Window | null | undefined;
  onMessage: (data: unknown) => void;
  /** Ends the listening: the attempt's signal, aborted on outcome, close and disconnect. */
  signal: AbortSignal;
}

/**
 * Listens to the payment page in the element's own iframe. A message counts only when it comes
 * from that iframe's window **and** from the origin of the URL opened in it: another frame or
 * window, a look-alike origin or an opaque (`null`) one is ignored.
 */
export function listenToFrame({ origin, source, onMessage, signal }: FrameChannelOptions): void {
  if (signal.aborted) return;
  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.origin !== origin) return;
      const frameWindow = source();
      if (!frameWindow || event.source !== frameWindow) return;
      onMessage(event.data);
    },
    { signal },
  );
}
