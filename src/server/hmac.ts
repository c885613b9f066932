// HMAC-SHA-256 through Web Crypto (`crypto.subtle`), not node:crypto, so the code that proves a
// callback or a postLink runs wherever Web Crypto does (Node 20, Cloudflare Workers, Deno).

/** A secret imported for HMAC-SHA-256. */
export type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const utf8 = new TextEncoder();
const HEX_MAC = /^[0-9a-f]{64}$/;

/** `secret` as an HMAC-SHA-256 key that signs and verifies (and cannot be exported again). */
export const hmacKey = (secret: string): Promise<HmacKey> =>
  crypto.subtle.importKey('raw', utf8.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

/** The lowercase hex HMAC-SHA-256 of `message`. */
export async function hmacHex(key: HmacKey, message: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether `hex` is the lowercase hex HMAC of `message`. Web Crypto's verify compares in constant
 * time; the shape check before it depends only on what the sender sent.
 */
export async function verifyHmacHex(key: HmacKey, message: string, hex: string): Promise<boolean> {
  if (!HEX_MAC.test(hex)) return false;
  const mac = Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
  return crypto.subtle.verify('HMAC', key, mac, utf8.encode(message));
}

