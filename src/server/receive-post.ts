import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseMediaType, refuseMethod, refuseTooLarge } from './answer.js';
import { readBody } from './read-body.js';

/** What an endpoint accepts before its own logic sees a request. */
export interface PostRules {
  /** Named in the 405's message: "<what> are POST requests". */
  what: string;
  maxBodyBytes: number;
  /** Only `Content-Type: application/json` (415 otherwise): for endpoints a browser calls. */
  jsonOnly?: boolean;
}

/** Whether a Content-Type is JSON's: `application/json`, any case, parameters allowed. */
export const isJsonType = (contentType: string | null | undefined) => contentType?.split(';')[0]!.trim().toLowerCase() === 'application/json';

/**
 * A POST's body as Node (or Express, parsed or not) hands it over, within `maxBodyBytes`; or
 * undefined once the request has been answered: 405 not POST, 415 not JSON (with `jsonOnly`),
 * 413 too large, or dropped because the sender went away.
 */
export async function receivePost(request: IncomingMessage, response: ServerResponse, rules: PostRules): Promise<{ body: unknown } | undefined> {
  if (request.method !== 'POST') return void refuseMethod(response, rules.what);
  if (rules.jsonOnly && !isJsonType(request.headers['content-type'])) return void refuseMediaType(response);
  const read = await readBody(request, rules.maxBodyBytes);
  if (read.ok) return { body: read.body };
  if (read.reason === 'aborted') response.destroy();
  else refuseTooLarge(response, rules.maxBodyBytes);
  return undefined;
}

/** The query of a Node request's URL (Express keeps it on `req.url` too). */
export const queryOf = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://localhost').searchParams;
