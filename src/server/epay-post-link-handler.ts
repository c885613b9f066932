import { createHash } from 'node:crypto';
import { createDeliveryHandler, type RequestHandler } from './delivery-handler.js';
import type { DeliveryStore } from './delivery-store.js';
import { parseEpayPostLink, type EpayPostLink } from './parse-epay-post-link.js';

/** What the postLink endpoint needs: your secrets per invoice, and what to do with a result. */
export interface EpayPostLinkHandlerOptions {
  /**
   * The `secret_hash` your server generated for `invoiceId` (the one `resolveOrder` gave the token
   * request), or null/undefined for an invoice you do not know: that body is refused (403). If it
   * throws, ePay gets a 500.
   */
  secretHash(invoiceId: string): string | null | undefined | Promise<string | null | undefined>;
  /**
   * Records the result, after checking it against your order (amount, currency, terminal) and,
   * before shipping, with `getEpayStatus`. ePay gets 200 only once this resolves; if it throws,
   * ePay gets a 500 and the result is released, so a repeat is handled afresh.
   */
  onResult(postLink: EpayPostLink): void | Promise<void>;
  /** Where results being handled and handled are recorded. Default: this process's memory; `redisStore(client)` for several. */
  store?: DeliveryStore;
  /** How long one process may hold a result while `onResult` runs. Default 60 s. */
  leaseMs?: number;
  /** How long a repeat waits for another process holding the same result before a 503. Default 5 s. */
  waitMs?: number;
  /** Larger bodies get 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Told when `secretHash`, `onResult` or the store fails. Default: `console.error`. */
  onError?(error: unknown, postLink: EpayPostLink): void;
}

/**
 * One ePay result: a digest of every field that makes it (operation id, invoice, terminal, amount,
 * currency, code, reasonCode). A repeat has the same key; a body differing in any of them is
 * another result, handled on its own, so it can never stand in for the genuine one.
 */
export function epayDeliveryKey(postLink: EpayPostLink): string {
  const { id, invoiceId, terminal, amount, currency, code, reasonCode } = postLink;
  return createHash('sha256').update(JSON.stringify(['epay', id, invoiceId, terminal, amount, currency, code, reasonCode])).digest('hex');
}

/**
 * The endpoint for ePay's `postLink` / `failurePostLink`, with the guarantees of
 * `createCallbackHandler`: each result reaches `onResult` exactly once (across processes, with a
 * shared store), and the 200 (`{"status":"ok"}`) comes only after it resolved.
 *
 * A body whose `secret_hash` is not `secretHash(invoiceId)` gets **403** (well-formed, but not
 * proven to be ePay's) and never reaches `onResult` nor the store; a body that is not a postLink
 * gets 400; 405 for other methods, 413 over `maxBodyBytes`, 500 when `onResult` or `secretHash`
 * fails, 503 with Retry-After when another process holds the result longer than `waitMs`.
 * Never throws.
 */
export function createEpayPostLinkHandler(options: EpayPostLinkHandlerOptions): RequestHandler {
  const { secretHash } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: handling an ePay postLink failed', error));
  return createDeliveryHandler<EpayPostLink>(
    {
      what: 'ePay postLinks',
      async read(body) {
        const parsed = parseEpayPostLink(body, { skipSecretHashCheck: true });
        if (!parsed.ok) return { ok: false, status: 400, problems: parsed.problems };
        let expected: unknown;
        try {
          expected = await secretHash(parsed.postLink.invoiceId);
        } catch (error) {
          return { ok: false, error, result: parsed.postLink };
        }
        // An invoice with no secret gets the same answer as a wrong secret: a forger learns nothing.
        if (typeof expected !== 'string' || expected === '') return { ok: false, status: 403, problems: [{ field: 'secret_hash', message: 'does not match' }] };
        const checked = parseEpayPostLink(body, { secretHash: expected });
        return checked.ok ? { ok: true, result: checked.postLink } : { ok: false, status: 403, problems: checked.problems };
      },
      key: epayDeliveryKey,
      ack: { status: 'ok' },
    },
    { ...options, onError },
  );
}
