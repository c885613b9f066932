import type { CheckoutProvider } from '../events.js';
import type { Lang } from '../i18n/messages.js';
import type { CallbackUrls, CheckoutInput, CheckoutMode, ConnectionReader, Payment } from '../params/params.js';
import type { OwnCallbackUrls } from './callback-urls.js';
import type { OutcomeContext, PageOutcome } from './outcome.js';

// What the checkout asks of a provider (KTPay, Halyk ePay). Each provider's folder implements it
// with its own endpoints, answer shapes and page protocol; the checkout's state machine calls it
// and names no provider.

/** A page the provider made for the payment, and its transaction where the provider names one. */
export interface ProviderPage {
  url: URL;
  transactionHash?: string;
}

/** One Pay's order, whoever carries it. */
export interface Order {
  payment: Payment;
  mode: CheckoutMode;
  /** The element's own callback URLs, where the page is http(s). */
  own: OwnCallbackUrls | undefined;
  /** The attempt's nonce, in `own`'s marker and in the marks of coinciding merchant URLs. */
  nonce: string;
  /** The callback URLs as sent: what the provider's reports are read against. */
  callbacks: CallbackUrls;
}

/** Where the buyer pays, once the order is sent. */
export type Handover =
  /** The provider's page in the element's iframe. */
  | {
      kind: 'frame';
      page: ProviderPage;
      /** What a message from that page (its exact origin and window) means. */
      read(data: unknown, context: OutcomeContext): PageOutcome;
      /** Where to offer the payment in the whole window when the framed page stays silent; undefined: `page`. */
      wholeWindowPage(signal: AbortSignal): Promise<URL | undefined>;
    }
  /** The whole window goes to the provider (`mode="redirect"`); `page` where one is known. */
  | { kind: 'redirect'; page?: ProviderPage; go(): void }
  /** The provider's own overlay on the page has the buyer until it reports. */
  | { kind: 'overlay'; show(options: { onEscape(): void; signal: AbortSignal }): Promise<OverlayOutcome> };

/** What a provider's overlay reported: success, and the reason code where it gave one. */
export interface OverlayOutcome {
  success: boolean;
  reasonCode?: string;
}

/** The loading steps a provider goes through while sending (the KTWidget guide's). */
export type SendingPhase = 'sealing' | 'creating' | 'acquirer';

/** What the checkout gives a provider for one send. */
export interface SendContext {
  /** Aborted when the attempt ends (close, removal, outcome): the send rejects with its reason. */
  signal: AbortSignal;
  /**
   * Settles once the modal is drawn and announced (false: closed first). Requests go out before;
   * their answers are acted on only after, so events keep their order however fast they come.
   */
  opened: Promise<boolean>;
  enter(phase: SendingPhase): void;
  /** Work that puts the order on the wire in a moment: the modal's first drawing may wait briefly for it. */
  beforeDrawing(work: Promise<unknown>): void;
  /** The element's language now. */
  lang(): Lang;
}

/** A Pay made ready by a provider: built once (ahead of a tap, on intent), sent on Pay and on Try again. */
export interface PreparedPayment {
  send(context: SendContext): Promise<Handover>;
  /**
   * Starts, on the buyer's intent, the work the first `send` would begin with and that sends
   * nothing (KTPay: the order sealed in the browser), so the tap that follows goes to the wire at
   * once. Never throws; a failure is met again, and reported, by `send`.
   */
  readyAhead?(): void;
  /** The provider's receipt of a transaction, where it has one. */
  receiptUrl(transactionHash: string): URL | undefined;
}

/** A connection to preconnect on the buyer's intent; `anonymous` for requests without credentials. */
export interface ConnectionHint {
  origin: string;
  anonymous: boolean;
}

export interface PaymentProvider<C> {
  readonly name: CheckoutProvider;
  /** Reads the provider's own attributes into how to reach it. */
  readonly readConnection: ConnectionReader<C>;
  /** Tells one merchant's orders from another's on the page (paid orders, return trips). */
  merchantKey(connection: C): string;
  prepare(connection: C, order: Order): PreparedPayment;
  /** What the address the buyer came back to from the whole window means (the return trip). */
  readReturn(url: URL, context: OutcomeContext): PageOutcome;
  /**
   * On the buyer's intent, before the attributes are validated: starts what a Pay will need (the
   * sealer) and names the origins it will talk to; an unusable attribute is skipped, never an error.
   */
  warmUp(input: CheckoutInput, baseUrl: string): ConnectionHint[];
}

/** Rejects with the attempt's abort reason: the modal closed before the answer could be acted on. */
export function closedMeanwhile(signal: AbortSignal): never {
  throw signal.reason ?? new DOMException('The checkout was closed', 'AbortError');
}
