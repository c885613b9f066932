import type { ServerResponse } from 'node:http';
import type { FieldProblem } from './fields.js';

/** A JSON answer that no cache keeps: every answer of these endpoints is about one request. */
export function answer(response: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** A refusal that says every problem: `{"status":"error","problems":[…]}`. */
export const refuse = (response: ServerResponse, status: number, problems: FieldProblem[], headers?: Record<string, string>) =>
  answer(response, status, { status: 'error', problems }, headers);

/** 405 for anything but POST, with `Allow`. */
export const refuseMethod = (response: ServerResponse, what: string) =>
  refuse(response, 405, [{ field: '', message: `${what} are POST requests` }], { Allow: 'POST' });

/** 413; closing the connection stops the sender, and the rest of the body is never read. */
export const refuseTooLarge = (response: ServerResponse, maxBodyBytes: number) =>
  refuse(response, 413, [{ field: '', message: `is larger than ${maxBodyBytes} bytes` }], { Connection: 'close' });
