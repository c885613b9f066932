import type { EpayStatus } from '../epay/status.js';
import { refusal, retryLater, type Reply } from './answer.js';
import { createDeliveryHandler, type DeliveryRead } from './delivery-handler.js';
import { sha256Hex } from './digest.js';
import type { RequestHandler } from './endpoint.js';
import type { DeliveryStore } from './delivery-store.js';
import { confirmOptionsOf, createEpayConfirmer, EpayConfirmationError, type EpayConfirmOptions } from './epay-confirm.js';
import { EpayError } from './epay-error.js';
import { isEpaySecretHashOf } from './epay-secret-hash.js';
import { hmacKey } from './hmac.js';
import { parseEpayPostLink, type EpayPostLink } from './parse-epay-post-link.js';
import { requireText } from './settings.js';

/** What the postLink endpoint needs besides the way it checks `secret_hash`. */
interface EpayPostLinkSettings {
  /**
   * Confirms each postLink with Halyk's status API before `onResult` (your credentials: a
   * status-scope token is asked with them and kept until shortly before it expires). `false`
   * skips that, said explicitly: then confirm with `getEpayStatus` yourself before you ship.
   */
  confirm: EpayConfirmOptions | false;
  /**
   * Records the result, after checking it against your order (amount, currency). ePay gets 200
   * only once this resolves; if it throws, ePay gets a 500 and the result is released, so a
   * repeat is handled afresh. The postLink comes without its `secret_hash`; `confirmation` is
   * Halyk's status, which agreed with it (undefined with `confirm: false`).
   */
  onResult(postLink: EpayPostLink, confirmation: EpayStatus | undefined): void | Promise<void>;
  /** Where results being handled and handled are recorded. Default: this process's memory; `redisStore(client)` for several. */
  store?: DeliveryStore;
  /** How long one process may hold a result while `onResult` runs. Default 60 s. */
  leaseMs?: number;
  /** How long a repeat waits for another process holding the same result before a 503. Default 5 s. */
  waitMs?: number;
  /** How long each store call may take before ePay gets a 503 with Retry-After. Default 3 s. */
  storeTimeoutMs?: number;
  /** Larger bodies get 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * Told when `secretHash`, `onResult`, the store or the confirmation fails (an
   * `EpayConfirmationError` when Halyk does not agree). Default: `console.error`. The postLink
   * comes without its `secret_hash`.
   */
  onError?(error: unknown, postLink: EpayPostLink): void;
}

/** How a postLink's `secret_hash` is checked: exactly one of the two. */
type SecretHashCheck =
  | {
      /** The secret `createEpayAuthHandler` derived each token's `secret_hash` from. */
      callbackSecret: string;
      secretHash?: undefined;
    }
  | {
      /**
       * For tokens you request yourself: the `secret_hash` your server generated for `invoiceId`,
       * or null/undefined for an invoice you do not know (403). If it throws, ePay gets a 500.
       */
      secretHash(invoiceId: string): string | null | undefined | Promise<string | null | undefined>;
      callbackSecret?: undefined;
    };

/** What the postLink endpoint needs: how `secret_hash` is checked, and what to do with a result. */
export type EpayPostLinkHandlerOptions = EpayPostLinkSettings & SecretHashCheck;

/**
 * One ePay result: a digest of every field that makes it (operation id, invoice, terminal, amount,
 * currency, code, reasonCode). A repeat has the same key; a body differing in any of them is
 * another result, handled on its own, so it can never stand in for the genuine one.
 */
export function epayDeliveryKey(postLink: EpayPostLink): string {
  const { id, invoiceId, terminal, amount, currency, code, reasonCode } = postLink;
  return sha256Hex(JSON.stringify(['epay', id, invoiceId, terminal, amount, currency, code, reasonCode]));
}

/** A postLink as the merchant's code sees it: without the secret that proved it. */
const withoutSecret = ({ secret_hash: _, ...postLink }: EpayPostLink): EpayPostLink => postLink;

/** 403: well-formed, but not proven to be ePay's. */
const notProven = (message: string): DeliveryRead<EpayPostLink> => ({ ok: false, status: 403, problems: [{ field: 'secret_hash', message }] });

/**
 * How `secret_hash` is checked: a TypeError at creation unless exactly one of `callbackSecret` and
 * `secretHash` is given. Gives whether `postLink` is proven, or the merchant's lookup failed.
 */
function secretHashCheck(options: SecretHashCheck): (postLink: EpayPostLink) => Promise<DeliveryRead<EpayPostLink>> {
  if ((options.callbackSecret === undefined) === (options.secretHash === undefined)) {
    throw new TypeError(
      'createEpayPostLinkHandler: pass exactly one of options.callbackSecret (the secret createEpayAuthHandler ' +
        'derives each secret_hash from) and options.secretHash(invoiceId) (for tokens you request yourself).',
    );
  }
  if (options.secretHash === undefined) {
    const key = hmacKey(requireText(options.callbackSecret, 'createEpayPostLinkHandler: options.callbackSecret'));
    return async (postLink) => {
      const sent = postLink.secret_hash;
      if (!sent) return notProven('is required');
      return (await isEpaySecretHashOf(await key, postLink.invoiceId, sent)) ? { ok: true, result: withoutSecret(postLink) } : notProven('does not match');
    };
  }
  const { secretHash } = options;
  return async (postLink) => {
    let expected: unknown;
    try {
      expected = await secretHash(postLink.invoiceId);
    } catch (error) {
      return { ok: false, error, result: withoutSecret(postLink) };
    }
    // An invoice with no secret gets the same answer as a wrong secret: a forger learns nothing.
    if (typeof expected !== 'string' || expected === '') return notProven('does not match');
    const checked = parseEpayPostLink(postLink, { secretHash: expected });
    return checked.ok ? { ok: true, result: withoutSecret(checked.postLink) } : { ok: false, status: 403, problems: checked.problems };
  };
}

/** The answer when the confirmation did not pass: 409 Halyk says otherwise, 503 Halyk cannot say yet. */
function answerForConfirmation(error: unknown): Reply | undefined {
  if (error instanceof EpayConfirmationError && error.reason === 'disagrees') {
    return refusal(409, [{ field: '', message: 'is not what Halyk ePay says of this payment' }]);
  }
  if (error instanceof EpayConfirmationError || error instanceof EpayError) return retryLater();
  return undefined;
}

/**
 * The endpoint for ePay's `postLink` / `failurePostLink`, with the guarantees of
 * `createCallbackHandler`: each result reaches `onResult` once (across processes, with a shared
 * store), and the 200 (`{"status":"ok"}`) comes only after it resolved.
 *
 * A body whose `secret_hash` is not one the shop issued for its invoice gets **403** (well-formed,
 * but not proven to be ePay's) and never reaches `onResult` nor the store. Then, once per result
 * (inside its claim), Halyk's status API is asked: "ok" passes only when Halyk says paid with the
 * same amount, currency and terminal, "error" only when Halyk does not say paid; otherwise **409**.
 * An "ok" Halyk does not show as final yet, or a status API that fails, gets **503** with
 * Retry-After. Either way the result is released and onError told. Also: 400 not a postLink, 405
 * other methods, 413 over `maxBodyBytes`, 500 when `onResult` or `secretHash` fails, 503 with
 * Retry-After when another process holds the result longer than `waitMs` or the store does not
 * answer. `onResult` and `onError` never see the `secret_hash`. Throws a TypeError at creation
 * without `confirm` (or `confirm: false`) or without exactly one of `callbackSecret` and
 * `secretHash`; the handler itself never throws.
 */
export function createEpayPostLinkHandler(options: EpayPostLinkHandlerOptions): RequestHandler {
  const prove = secretHashCheck(options);
  const confirmOptions = confirmOptionsOf(options.confirm);
  const confirm = confirmOptions && createEpayConfirmer(confirmOptions);
  const onError = options.onError ?? ((error: unknown) => console.error('ktpay-checkout: handling an ePay postLink failed', error));
  return createDeliveryHandler<EpayPostLink>(
    {
      what: 'ePay postLinks',
      async read(body) {
        const parsed = parseEpayPostLink(body, { skipSecretHashCheck: true });
        return parsed.ok ? prove(parsed.postLink) : { ok: false, status: 400, problems: parsed.problems };
      },
      key: epayDeliveryKey,
      ack: { status: 'ok' },
      answerFor: answerForConfirmation,
    },
    {
      ...options,
      onError,
      // Inside the result's claim: confirmed once per result, and a repeat waits for it.
      async onResult(postLink) {
        await options.onResult(postLink, confirm ? await confirm(postLink) : undefined);
      },
    },
  );
}
