// A postLink has no signature, and its secret_hash can leak (a failure postLink sent where it should
// not go): before onResult, ask Halyk's status API what became of the payment, and pass a
// postLink only when Halyk says the same.
import type { EpayStatus } from '../epay/status.js';
import { isObject } from '../util/is-object.js';
import { sameAmount } from './amount.js';
import { EpayStatusError } from './epay-error.js';
import { getEpayStatus } from './epay-status.js';
import { statusTokens } from './epay-status-token.js';
import type { EpayCredentials, EpayTokenHost } from './epay-token.js';
import { number } from './fields.js';
import type { EpayPostLink } from './parse-epay-post-link.js';
import { requireHttpUrl, requireText } from './settings.js';

/** How the postLink handler asks Halyk: your credentials (a status-scope token is asked with them), the hosts, the time limit. */
export interface EpayConfirmOptions extends EpayCredentials, EpayTokenHost {
  /** Overrides the status API base `test` chooses. */
  apiUrl?: string;
  /** How long each call to Halyk (token, status) may take. Default 15 s. */
  timeoutMs?: number;
}

/**
 * Halyk's status API does not confirm a postLink: `disagrees` (it says otherwise: not paid, another
 * amount, currency or terminal; answered 409) or `not-final` (an "ok" Halyk does not show as paid
 * yet; answered 503, so the sender delivers again). `confirmation` is Halyk's answer, where it
 * was asked.
 */
export class EpayConfirmationError extends Error {
  readonly reason: 'disagrees' | 'not-final';
  readonly confirmation?: EpayStatus;

  constructor(reason: 'disagrees' | 'not-final', message: string, confirmation?: EpayStatus) {
    super(message);
    this.name = 'EpayConfirmationError';
    this.reason = reason;
    if (confirmation) this.confirmation = confirmation;
  }
}

/**
 * Whether Halyk's status agrees with a postLink: "ok" only when Halyk says paid, with the same
 * amount (in tiyn) and currency; "error" only when Halyk does not say paid. Gives the reason it
 * does not, or undefined when it does.
 */
export function disagreement(postLink: EpayPostLink, status: EpayStatus): { reason: 'disagrees' | 'not-final'; why: string } | undefined {
  if (postLink.code === 'error') return status.outcome === 'paid' ? { reason: 'disagrees', why: 'a failure Halyk shows as paid' } : undefined;
  if (status.outcome === 'pending' || status.outcome === 'not-found') return { reason: 'not-final', why: `"ok" while Halyk's status is ${status.outcome}` };
  if (status.outcome !== 'paid') return { reason: 'disagrees', why: `"ok" for a payment Halyk shows as ${status.outcome}` };
  const read = number()(status.transaction?.amount);
  if (!('value' in read) || !sameAmount(read.value, postLink.amount)) return { reason: 'disagrees', why: 'an amount Halyk does not show' };
  if (status.transaction?.currency !== postLink.currency) return { reason: 'disagrees', why: 'a currency Halyk does not show' };
  return undefined;
}

/** The `confirm` option read: the settings, or undefined for `false`; a TypeError for anything else. */
export function confirmOptionsOf(confirm: unknown): EpayConfirmOptions | undefined {
  if (confirm === false) return undefined;
  if (!isObject(confirm)) {
    throw new TypeError(
      'createEpayPostLinkHandler: options.confirm is missing. Pass { clientId, clientSecret, terminal } so each postLink is ' +
        "confirmed with Halyk's status API before onResult, or confirm: false to skip that (then confirm with getEpayStatus yourself).",
    );
  }
  for (const name of ['clientId', 'clientSecret', 'terminal'] as const) requireText(confirm[name], `createEpayPostLinkHandler: options.confirm.${name}`);
  for (const name of ['tokenUrl', 'apiUrl'] as const) if (confirm[name] !== undefined) requireHttpUrl(confirm[name], `createEpayPostLinkHandler: options.confirm.${name}`);
  return confirm as unknown as EpayConfirmOptions;
}

/**
 * Confirms postLinks with Halyk's status API (a status-scope token kept between calls): gives
 * Halyk's answer when it agrees; throws an {@link EpayConfirmationError} when it does not, or the
 * `EpayStatusError` / `EpayTokenError` of a call that failed (the payment's state is then unknown).
 */
export function createEpayConfirmer(options: EpayConfirmOptions): (postLink: EpayPostLink) => Promise<EpayStatus> {
  const tokens = statusTokens(options);
  const { terminal } = options;

  async function statusOf(invoiceId: string): Promise<EpayStatus> {
    const token = await tokens.get();
    try {
      return await getEpayStatus({
        token,
        invoiceId,
        terminal,
        ...(options.test !== undefined ? { test: options.test } : {}),
        ...(options.apiUrl !== undefined ? { apiUrl: options.apiUrl } : {}),
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      });
    } catch (error) {
      // A token Halyk no longer takes is not kept for the next postLink.
      if (error instanceof EpayStatusError && error.status === 401) tokens.drop(token);
      throw error;
    }
  }

  return async (postLink) => {
    // Another terminal's result is not this shop's, whatever Halyk says of the invoice.
    if (postLink.terminal !== terminal) throw new EpayConfirmationError('disagrees', "the postLink names another terminal than the shop's");
    const status = await statusOf(postLink.invoiceId);
    const problem = disagreement(postLink, status);
    if (problem) throw new EpayConfirmationError(problem.reason, `Halyk ePay does not confirm the postLink: ${problem.why}`, status);
    return status;
  };
}
