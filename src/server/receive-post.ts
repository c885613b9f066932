// What every endpoint accepts before its own logic sees a request, in Node's form and the Fetch
// API's: the same rules, the same refusals.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { notJson, notPost, send, tooLarge, unreadable, type Reply } from './answer.js';
import { readBody, readFetchBody } from './read-body.js';

/** What an endpoint accepts. */
export interface PostRules {
  /** Named in the 405's message: "<what> are POST requests". */
  what: string;
  maxBodyBytes: number;
  /** Only `Content-Type: application/json` (415 otherwise): for endpoints a browser calls. */
  jsonOnly?: boolean;
}

/** Whether a Content-Type is JSON's: `application/json`, any case, parameters allowed. */
export const isJsonType = (contentType: string | null | undefined) => contentType?.split(';')[0]!.trim().toLowerCase() === 'application/json';

/** The refusal a request gets before its body is read: 405 not POST, 415 not JSON (with `jsonOnly`). */
function refusalBeforeBody(method: string | undefined, contentType: string | null | undefined, rules: PostRules): Reply | undefined {
  if (method !== 'POST') return notPost(rules.what);
  if (rules.jsonOnly && !isJsonType(contentType)) return notJson();
  return undefined;
}

/**
 * A Node POST's body (Express's, parsed or not), within `maxBodyBytes`; or undefined once the
 * request has been answered (405, 415, 413), or
 * dropped because the sender went away.
 */
export async function receiveNodePost(request: IncomingMessage, response: ServerResponse, rules: PostRules): Promise<{ body: unknown } | undefined> {
  const refused = refusalBeforeBody(request.method, request.headers['content-type'], rules);
  if (refused) return void send(response, refused);
  const read = await readBody(request, rules.maxBodyBytes);
  if (read.ok) return { body: read.body };
  if (read.reason === 'aborted') response.destroy();
  else send(response, tooLarge(rules.maxBodyBytes));
  return undefined;
}

/** A Fetch API POST's body, within `maxBodyBytes`; or the refusal to answer with. */
export async function receiveFetchPost(request: Request, rules: PostRules): Promise<{ ok: true; body: unknown } | { ok: false; reply: Reply }> {
  const refused = refusalBeforeBody(request.method, request.headers.get('content-type'), rules);
  if (refused) return { ok: false, reply: refused };
  const read = await readFetchBody(request, rules.maxBodyBytes);
  if (read.ok) return { ok: true, body: read.body };
  return { ok: false, reply: read.reason === 'too-large' ? tooLarge(rules.maxBodyBytes) : unreadable() };
}
