/**
 * Why a call to Halyk ePay failed: `network` (no answer), `timeout` (`timeoutMs` passed),
 * `aborted` (the caller's `signal`), `http` (an HTTP error status without an answer ePay explains),
 * `bad-answer` (an answer that is not what ePay sends), `refused` (ePay answered, and said no).
 */
export type EpayFailureReason = 'network' | 'timeout' | 'aborted' | 'http' | 'bad-answer' | 'refused';

interface EpayErrorDetails {
  reason: EpayFailureReason;
  /** The HTTP status, where ePay answered. */
  status?: number | undefined;
  /** ePay's own code, where it gave one: an OAuth `error` ("invalid_client") or a `resultCode`. */
  code?: string | number | undefined;
  cause?: unknown;
}

/**
 * A failed call to Halyk ePay, typed so a server can tell "try again" (`network`, `timeout`, `http`)
 * from "fix the configuration" (`refused`). Its message and properties never hold a credential nor
 * ePay's answer body (which could echo one): log it freely.
 */
export class EpayError extends Error {
  readonly reason: EpayFailureReason;
  readonly status?: number;
  readonly code?: string | number;

  constructor(message: string, { reason, status, code, cause }: EpayErrorDetails) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'EpayError';
    this.reason = reason;
    // Left out rather than undefined, so the error's own properties are what is known.
    if (status !== undefined) this.status = status;
    if (code !== undefined) this.code = code;
  }
}

/** {@link requestEpayToken} failed: no token, so no payment can start. */
export class EpayTokenError extends EpayError {
  constructor(message: string, details: EpayErrorDetails) {
    super(message, details);
    this.name = 'EpayTokenError';
  }
}

/** {@link getEpayStatus} failed: the payment's state is unknown, not failed. Ask again later. */
export class EpayStatusError extends EpayError {
  constructor(message: string, details: EpayErrorDetails) {
    super(message, details);
    this.name = 'EpayStatusError';
  }
}
