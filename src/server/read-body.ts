// A request's body within a limit, read as Node hands it over and as the Fetch API does: a body
// over the limit is refused at the chunk that crosses it, and the rest is never buffered.
import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; body: unknown } | { ok: false; reason: 'too-large' | 'aborted' };

/** What Express's body parsers leave on the request. */
type ParsedRequest = IncomingMessage & { body?: unknown };

/** A declared Content-Length over the limit: refused before reading anything. */
const declaredTooLarge = (contentLength: string | null | undefined, maxBytes: number) => Number(contentLength) > maxBytes;

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) whole.set(chunk, (at += chunk.length) - chunk.length);
  return whole;
}

/**
 * A Node request's body, at most `maxBytes` of it. A body already read by a framework's parser
 * (`express.json()`, `express.text()`, `express.raw()`) is taken as it parsed it; else it is a Buffer.
 */
export function readBody(request: ParsedRequest, maxBytes: number): Promise<BodyRead> {
  if (request.readableEnded) return Promise.resolve({ ok: true, body: request.body });
  if (declaredTooLarge(request.headers['content-length'], maxBytes)) return Promise.resolve({ ok: false, reason: 'too-large' });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (read: BodyRead) => {
      request.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.pause();
      settle({ ok: false, reason: 'too-large' });
    };
    // Node's global Buffer, not an import of node:buffer: this module loads where Node's is absent.
    const onEnd = () => settle({ ok: true, body: Buffer.concat(chunks) });
    const onClose = () => settle({ ok: false, reason: 'aborted' });
    request.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

/** A Fetch API request's body as bytes, at most `maxBytes` of it; the stream is cancelled past that. */
export async function readFetchBody(request: Request, maxBytes: number): Promise<BodyRead> {
  if (declaredTooLarge(request.headers.get('content-length'), maxBytes)) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, body: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true, body: concat(chunks, size) };
      size += value.length;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
}
