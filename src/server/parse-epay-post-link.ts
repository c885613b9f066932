import { sameSecret } from './digest.js';
import { dateTime, id, number, oneOf, optional, readBodyShape, text, type Parsed } from './fields.js';

const optionalText = optional(text({ empty: true }));

const POST_LINK_SHAPE = {
  id: id(),
  dateTime,
  /** Seed 003: digits only, 6 to 15 of them. */
  invoiceId: id(/^\d{6,15}$/),
  amount: number({ min: 0 }),
  currency: text({ pattern: /^[A-Z]{3}$/ }),
  terminal: id(),
  code: oneOf(['ok', 'error'] as const),
  reasonCode: number({ integer: true }),
  reason: optionalText,
  accountId: optionalText,
  description: optionalText,
  language: optionalText,
  cardMask: optionalText,
  cardType: optionalText,
  cardId: optionalText,
  approvalCode: optionalText,
  issuer: optionalText,
  reference: optionalText,
  secure: optionalText,
  secureDetails: optionalText,
  tokenRecipient: optionalText,
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  ip: optionalText,
  ipCountry: optionalText,
  ipCity: optionalText,
  ipRegion: optionalText,
  ipDistrict: optionalText,
  ipLatitude: optional(number()),
  ipLongitude: optional(number()),
  /** The `secret_hash` the shop passed when it asked for the token, returned as proof. */
  secret_hash: optionalText,
} satisfies Record<keyof EpayPostLink, unknown>;

/** Halyk ePay's postLink body (seed 003), success and failure alike. */
export interface EpayPostLink {
  /** ePay's id of the operation. */
  id: string;
  dateTime: string;
  /** The shop's order number. */
  invoiceId: string;
  amount: number;
  currency: string;
  terminal: string;
  /** "ok" when paid, "error" when not. */
  code: 'ok' | 'error';
  /** 0 when paid; otherwise the acquirer's code, for `describeError`. */
  reasonCode: number;
  reason?: string;
  accountId?: string;
  description?: string;
  language?: string;
  cardMask?: string;
  cardType?: string;
  cardId?: string;
  approvalCode?: string;
  issuer?: string;
  reference?: string;
  secure?: string;
  secureDetails?: string;
  tokenRecipient?: string;
  name?: string;
  email?: string;
  phone?: string;
  ip?: string;
  ipCountry?: string;
  ipCity?: string;
  ipRegion?: string;
  ipDistrict?: string;
  ipLatitude?: number;
  ipLongitude?: number;
  secret_hash?: string;
}

/**
 * How a postLink body is trusted. Anyone can POST to a postLink URL; only ePay knows the
 * `secret_hash` the shop generated for the payment, so the check is on unless switched off by name.
 */
export type EpayPostLinkOptions =
  /** The `secret_hash` the shop generated for this payment: a body without the same is refused. */
  | { secretHash: string }
  /** Accept a body whatever its `secret_hash`: only where something else proves it is ePay's. */
  | { skipSecretHashCheck: true };

/**
 * Reads what Halyk ePay POSTs to `postLink` / `failurePostLink` (seed 003), success and failure
 * alike. `body` is the raw body or JSON already parsed. Gives it typed (`reasonCode` a number,
 * usable with `describeError`), or every problem with it.
 *
 * Throws a TypeError when `options` give neither a non-empty `secretHash` nor
 * `skipSecretHashCheck: true`: an unset environment variable or a missed lookup must not turn the
 * check off unnoticed (nor `""` accept a body carrying `"secret_hash": ""`).
 */
export function parseEpayPostLink(body: unknown, options: EpayPostLinkOptions): Parsed<'postLink', EpayPostLink> {
  const secretHash = secretHashOf(options);
  const read = readBodyShape(body, POST_LINK_SHAPE);
  if (!read.ok) return read;
  const postLink = read.value;
  if (secretHash !== undefined) {
    const sent = postLink.secret_hash;
    if (sent === undefined || sent === '') return { ok: false, problems: [{ field: 'secret_hash', message: 'is required' }] };
    if (!sameSecret(sent, secretHash)) {
      return { ok: false, problems: [{ field: 'secret_hash', message: 'does not match' }] };
    }
  }
  return { ok: true, postLink };
}

/** The secret to check against, or undefined where the caller switched the check off by name. */
function secretHashOf(options: EpayPostLinkOptions | undefined): string | undefined {
  const given = (options ?? {}) as { secretHash?: unknown; skipSecretHashCheck?: unknown };
  if (typeof given.secretHash === 'string' && given.secretHash !== '') return given.secretHash;
  // Skipping is said by name, and alone: `{ secretHash: env.UNSET, skipSecretHashCheck: true }` is an error too.
  if (given.skipSecretHashCheck === true && !('secretHash' in given)) return undefined;
  throw new TypeError(
    'parseEpayPostLink: options.secretHash is missing or empty. Pass the secret_hash you generated for this payment, ' +
      'or { skipSecretHashCheck: true } to accept a body whatever its secret_hash.',
  );
}
