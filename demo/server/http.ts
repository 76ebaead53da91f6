/// <reference types="node" />
// HTTP plumbing for the reference backend: RFC 9457 problem details, JSON bodies with a size limit,
// and the security headers every response carries. No framework: node:http only.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the API accepts, in bytes (anything bigger gets 413). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Base URI of the problem `type`s this server emits. */
export const PROBLEM_BASE = 'https://iop-kit.test/problems/';

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  500: 'Internal server error',
};

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/**
 * Thrown by handlers to answer with a problem+json error. `slug` becomes the problem `type`
 * (`https://iop-kit.test/problems/<slug>`), so clients can branch on it without parsing text.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly slug: string;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    slug: string,
    detail: string,
    options: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.slug = slug;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toProblem(instance?: string): Problem {
    return {
      type: PROBLEM_BASE + this.slug,
      title: STATUS_TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

/** Headers sent on every response, whatever it is. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** CSP for API responses: they are data, never a document, so nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Writes a JSON body with the given status; `undefined` body means no body at all. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined) {
    res.writeHead(status, { ...BASE_SECURITY_HEADERS, 'Content-Security-Policy': API_CSP, ...headers });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Writes an application/problem+json error. */
export function sendProblem(res: ServerResponse, problem: HttpProblem, instance?: string): void {
  const text = JSON.stringify(problem.toProblem(instance));
  res.writeHead(problem.status, {
    ...BASE_SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...problem.headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/**
 * Reads and parses a JSON request body. Rejects with 413 past MAX_BODY_BYTES (checked on the
 * declared Content-Length first, then while streaming, so a lying client cannot get past it),
 * 415 for a non-JSON content type and 400 for malformed JSON. An empty body parses as undefined.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new HttpProblem(415, 'unsupported-media-type', 'Send the request body as application/json.');
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, 'malformed-json', 'The request body is not valid JSON.');
  }
}

function tooLarge(): HttpProblem {
  return new HttpProblem(413, 'body-too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
    // The rest of the body is not read, so the connection cannot be reused safely.
    headers: { Connection: 'close' },
  });
}
