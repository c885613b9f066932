// SHA-256 without node:crypto, so the server half runs wherever the Fetch API does (Node, Deno,
// Bun, Cloudflare Workers without Node compatibility). Synchronous, unlike Web Crypto's digest,
// because the public functions built on it (deliveryKey, parseEpayPostLink) always were.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The lowercase hex SHA-256 of `text`'s UTF-8. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * Whether two strings are equal, compared as their digests in constant time: the time taken tells
 * neither the length of either nor how long a prefix they share.
 */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [sha256(utf8ToBytes(a)), sha256(utf8ToBytes(b))];
  let difference = 0;
  for (let i = 0; i < x.length; i++) difference |= x[i]! ^ y[i]!;
  return difference === 0;
}
