/**
 * The only URLs the element ever sends anywhere or follows: absolute http(s), no credentials.
 * Parsing with `URL` (not a regex) is what makes `javascript:`, `data:`, entity- or
 * percent-encoded schemes and whitespace tricks fail: their scheme is not http(s) once parsed.
 */
export function parseHttpUrl(value: unknown, base?: string): URL | null {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 4096) return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}
