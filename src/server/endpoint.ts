// One endpoint, two server forms: Node's `(req, res)` (http.createServer, Express) and the Fetch
// API's `(Request) => Response` (Next.js route handlers, Hono, Bun, Deno, Workers). The endpoint's
// logic answers a Post with a Reply once; each form only reads the request and sends the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, toResponse, type Reply } from './answer.js';
import { receiveFetchPost, receiveNodePost, type PostRules } from './receive-post.js';

/** The server's request as each form has it: Node's IncomingMessage, or the Fetch API's Request. */
export type ServerRequest = IncomingMessage | Request;

/** A POST that passed the endpoint's rules, as its logic sees it in either form. */
export interface Post {
  /** Raw bytes, or what a framework's body parser made of them (Express). */
  body: unknown;
  /** The request URL's query, where a sender's token travels. */
  query: URLSearchParams;
  /** The `Host` the sender named. */
  host: string | undefined;
  /** The request itself, handed to the merchant's code (for the session). */
  request: ServerRequest;
}

/**
 * A handler of `ktpay-checkout/server`: a Node request handler, for `http.createServer(handler)`
 * or Express's `app.post(path, handler)`, and, as `handler.fetch`, the same endpoint as a Fetch API
 * handler, bound, for `export const POST = handler.fetch` in a Next.js route or
 * `app.post(path, (c) => handler.fetch(c.req.raw))` in Hono. Both forms answer alike; neither throws.
 */
export interface RequestHandler {
  (request: IncomingMessage, response: ServerResponse): Promise<void>;
  fetch(request: Request): Promise<Response>;
}

/** A handler whose `respond` decides each POST that passed `rules`, in both forms. */
export function createEndpoint(rules: PostRules, respond: (post: Post) => Promise<Reply>): RequestHandler {
  async function node(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const received = await receiveNodePost(request, response, rules);
    if (!received) return;
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    send(response, await respond({ body: received.body, query, host: request.headers.host, request }));
  }
  async function fetch(request: Request): Promise<Response> {
    const received = await receiveFetchPost(request, rules);
    if (!received.ok) return toResponse(received.reply);
    const url = new URL(request.url);
    return toResponse(await respond({ body: received.body, query: url.searchParams, host: request.headers.get('host') ?? url.host, request }));
  }
  return Object.assign(node, { fetch });
}
