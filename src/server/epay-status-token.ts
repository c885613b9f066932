import { EPAY_STATUS_SCOPE, type EpayToken } from '../epay/token.js';
import { requestEpayToken, type EpayCredentials, type EpayTokenHost } from './epay-token.js';

/** A token is not used in its last minute: a call made with it must still find it valid. */
const EXPIRY_MARGIN_MS = 60_000;

/** Where a status-scope token comes from: the credentials, the host, the time limit. */
export interface StatusTokenSource extends EpayCredentials, EpayTokenHost {
  timeoutMs?: number | undefined;
}

/**
 * Status-scope tokens (`webapi payment`), asked for once and kept until shortly before they
 * expire; callers at the same time share one request, and a failed request is not kept. `drop`
 * forgets a token the status API refused, so the next caller asks again.
 */
export function statusTokens(source: StatusTokenSource): { get(): Promise<EpayToken>; drop(token: EpayToken): void } {
  let kept: { token: Promise<EpayToken>; value?: EpayToken; until: number } | undefined;
  return {
    get() {
      if (kept && Date.now() < kept.until) return kept.token;
      const askedAt = Date.now();
      const entry: NonNullable<typeof kept> = {
        token: requestEpayToken({
          clientId: source.clientId,
          clientSecret: source.clientSecret,
          terminal: source.terminal,
          scope: EPAY_STATUS_SCOPE,
          ...(source.test !== undefined ? { test: source.test } : {}),
          ...(source.tokenUrl !== undefined ? { tokenUrl: source.tokenUrl } : {}),
          ...(source.timeoutMs !== undefined ? { timeoutMs: source.timeoutMs } : {}),
        }),
        until: Infinity, // shared while it is being asked for
      };
      kept = entry;
      entry.token.then(
        (token) => {
          entry.value = token;
          entry.until = askedAt + token.expires_in * 1000 - EXPIRY_MARGIN_MS;
        },
        () => {
          if (kept === entry) kept = undefined;
        },
      );
      return entry.token;
    },
    drop(token) {
      if (kept?.value === token) kept = undefined;
    },
  };
}
