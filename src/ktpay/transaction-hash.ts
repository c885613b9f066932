/**
 * KTPay's transaction hash, as this code accepts it: 1 to 128 ASCII letters, digits, `_` and `-`.
 * Seed 000 shows 40 hex digits; the set also holds UUIDs and base64url ids. The hash becomes a
 * path segment of KTPay's API (`{hash}/acquirer-options`, `{hash}/pdf`) and a query parameter of
 * the payment page, so anything that could climb or cut those URLs (`.`, `..`, `/`, `\`, `?`, `#`,
 * `%`), blanks, control characters and look-alike letters never gets that far: every hash that
 * enters (KTPay's answer, a page's message) is checked here, before a URL is built from it.
 */
const SHAPE = /^[A-Za-z0-9_-]{1,128}$/;

export const isTransactionHash = (value: unknown): value is string => typeof value === 'string' && SHAPE.test(value);
