import { Buffer } from 'node:buffer';
import type { IncomingMessage } from 'node:http';

export type BodyRead = { ok: true; body: unknown } | { ok: false; reason: 'too-large' | 'aborted' };

/** What Express's body parsers leave on the request. */
type ParsedRequest = IncomingMessage & { body?: unknown };

/**
 * A request's body, at most `maxBytes` of it. A body already read by a framework's parser
 * (`express.json()`, `express.text()`, `express.raw()`) is taken as it parsed it. A declared
 * Content-Length over the limit is refused before reading anything; a longer stream is refused at
 * the chunk that crosses it, and the rest is never buffered.
 */
export function readBody(request: ParsedRequest, maxBytes: number): Promise<BodyRead> {
  if (request.readableEnded) return Promise.resolve({ ok: true, body: request.body });
  if (Number(request.headers['content-length']) > maxBytes) return Promise.resolve({ ok: false, reason: 'too-large' });

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
    const onEnd = () => settle({ ok: true, body: Buffer.concat(chunks) });
    const onClose = () => settle({ ok: false, reason: 'aborted' });
    request.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}
