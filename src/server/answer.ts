// An answer as an endpoint's logic decides it (a Reply), and the two ways it leaves: on Node's
// response, or as a Fetch API Response. Every endpoint decides once and sends either way.
import type { ServerResponse } from 'node:http';
import type { FieldProblem } from './fields.js';

/** An answer apart from the server that sends it. */
export interface Reply {
  status: number;
  body: object;
  headers?: Record<string, string>;
}

/** A refusal that says every problem: `{"status":"error","problems":[…]}`. */
export const refusal = (status: number, problems: FieldProblem[], headers?: Record<string, string>): Reply => ({
  status,
  body: { status: 'error', problems },
  ...(headers ? { headers } : {}),
});

/** A failure that says nothing more (the merchant's `onError` hears why): `{"status":"error"}`. */
export const failure = (status: number, headers?: Record<string, string>): Reply => ({ status, body: { status: 'error' }, ...(headers ? { headers } : {}) });

/** How long a sender is asked to wait when something it does not control is unavailable. */
export const RETRY_AFTER_SECONDS = 60;

/** 503 with `Retry-After`: the answer is not known yet; the sender delivers again later. */
export const retryLater = (seconds = RETRY_AFTER_SECONDS): Reply => failure(503, { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) });

/** 405 for anything but POST, with `Allow`. */
export const notPost = (what: string) => refusal(405, [{ field: '', message: `${what} are POST requests` }], { Allow: 'POST' });

/**
 * 413, before or at the chunk that crossed the limit; the rest of the body is never read, and
 * closing the connection stops the sender (a runtime that manages connections itself drops the header).
 */
export const tooLarge = (maxBodyBytes: number) => refusal(413, [{ field: '', message: `is larger than ${maxBodyBytes} bytes` }], { Connection: 'close' });

/**
 * 415 for a body that is not `application/json`: a page on another site can send a form or
 * `text/plain` without asking (no CORS preflight), but not JSON.
 */
export const notJson = () => refusal(415, [{ field: '', message: 'must be sent as application/json' }]);

/** 400 for a body the sender stopped sending (or the runtime could not read). */
export const unreadable = () => refusal(400, [{ field: '', message: 'could not be read' }]);

/** Every answer is JSON about one request, which no cache keeps. */
const HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

/** Sends a {@link Reply} on Node's response. */
export function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { ...HEADERS, ...reply.headers });
  response.end(JSON.stringify(reply.body));
}

/** A {@link Reply} as a Fetch API Response. */
export const toResponse = (reply: Reply): Response => new Response(JSON.stringify(reply.body), { status: reply.status, headers: { ...HEADERS, ...reply.headers } });
