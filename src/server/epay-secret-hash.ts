// The `secret_hash` ePay echoes in its postLink, issued fresh for every token and checked without a
// table: 16 hex digits of nonce, then the hex HMAC-SHA-256 of the invoice and the nonce under the
// shop's callbackSecret. A secret_hash that leaks (one postLink sent where it should not go) proves
// only its own invoice, and only as far as Halyk's status API agrees.
import { randomHex } from '../util/random-hex.js';
import { hmacHex, verifyHmacHex, type HmacKey } from './hmac.js';

const NONCE_BYTES = 8;
const SHAPE = /^([0-9a-f]{16})([0-9a-f]{64})$/;

/** What is signed: prefixed, to keep it apart from KTPay's callback tokens (a bare order id's HMAC) under one secret. */
const message = (invoiceId: string, nonce: string) => `epay-secret-hash:${invoiceId}:${nonce}`;

/** A new secret_hash for a token for `invoiceId`. */
export async function issueEpaySecretHash(key: HmacKey, invoiceId: string): Promise<string> {
  const nonce = randomHex(NONCE_BYTES);
  return nonce + (await hmacHex(key, message(invoiceId, nonce)));
}

/** Whether `secretHash` is one the shop issued for `invoiceId` (compared in constant time). */
export async function isEpaySecretHashOf(key: HmacKey, invoiceId: string, secretHash: string): Promise<boolean> {
  const parts = SHAPE.exec(secretHash);
  return parts !== null && verifyHmacHex(key, message(invoiceId, parts[1]!), parts[2]!);
}
