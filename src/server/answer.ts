import type { ServerResponse } from 'node:http';
import type { FieldProblem } from './fields.js';

/**
 * An answer as a handler's logic decides it, apart from the server that sends it: Node's response
 * today (`send`), a Fetch `Response` as easily.
 */
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

/** A JSON answer that no cache keeps: every answer of these endpoints is about one request. */
export function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** Sends a {@link Reply} on Node's response. */
export const send = (response: ServerResponse, reply: Reply) => answer(response, reply.status, reply.body, reply.headers);

/** A refusal that says every problem: `{"status":"error","problems":[…]}`. */
export const refuse = (response: ServerResponse, status: number, problems: FieldProblem[], headers?: Record<string, string>) =>
  send(response, refusal(status, problems, headers));

/** 405 for anything but POST, with `Allow`. */
export const refuseMethod = (response: ServerResponse, what: string) =>
  refuse(response, 405, [{ field: '', message: `${what} are POST requests` }], { Allow: 'POST' });

/** 413; closing the connection stops the sender, and the rest of the body is never read. */
export const refuseTooLarge = (response: ServerResponse, maxBodyBytes: number) =>
  refuse(response, 413, [{ field: '', message: `is larger than ${maxBodyBytes} bytes` }], { Connection: 'close' });

/**
 * 415 for a body that is not `application/json`: a page on another site can send a form or
 * `text/plain` without asking (no CORS preflight), but not JSON.
 */
export const refuseMediaType = (response: ServerResponse) =>
  refuse(response, 415, [{ field: '', message: 'must be sent as application/json' }]);
