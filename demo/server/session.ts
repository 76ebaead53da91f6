/// <reference types="node" />
/**
 * Cookie sessions for the reference backend (the backend-for-frontend pattern): the demo sign-in route sets an
 * HttpOnly, SameSite=Strict session cookie (Secure when the request came over TLS), scoped to the API path.
 * With the cookie, every request must carry the CSRF header (X-IOP-CSRF), which a form or a cross-site
 * "simple" request cannot send; a request without it is refused with 403. Sessions live in this process's
 * memory: a restart signs everyone out (their next request gets 401), which is honest for a demo.
 *
 * A clinic's real server replaces the demo sign-in with its own login; the rest (cookie attributes, the CSRF
 * header, 401 once the session is gone) is what the kit expects of any cookie-session backend.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { HttpProblem } from './http.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'iop_session';
/** The header every cookie-authenticated request must carry (the kit's CSRF_HEADER, lower-cased as node has it). */
export const CSRF_HEADER = 'x-iop-csrf';
/** The cookie's path: it is sent to the API only, never with page or asset requests. */
export const SESSION_COOKIE_PATH = '/api';
/** How long a demo session lasts before its next request gets 401 (absolute, from sign-in). */
export const DEFAULT_SESSION_TTL_MS = 8 * 3600_000;

interface ServerSession {
  participantId: string;
  expiresAtMs: number;
}

/** The value of one cookie from the Cookie header, or undefined. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** Secure only over TLS: a browser drops a Secure cookie set by plain http (the localhost demo). */
function isTls(req: IncomingMessage): boolean {
  return (req.socket as Partial<TLSSocket>).encrypted === true;
}

function cookieHeader(req: IncomingMessage, value: string, maxAgeSeconds: number): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'HttpOnly',
    'SameSite=Strict',
    `Path=${SESSION_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (isTls(req)) attributes.push('Secure');
  return attributes.join('; ');
}

/** 403 unless the request carries the CSRF header (any non-empty value; the kit sends "1"). */
export function requireCsrfHeader(req: IncomingMessage): void {
  const value = req.headers[CSRF_HEADER];
  if (typeof value === 'string' && value.trim() !== '') return;
  throw new HttpProblem(
    403,
    'csrf-header-required',
    'Requests with the session cookie must send the header X-IOP-CSRF: 1.',
  );
}

export class SessionStore {
  private readonly sessions = new Map<string, ServerSession>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs: number = DEFAULT_SESSION_TTL_MS,
  ) {}

  /** Starts a session for `participantId`; returns the Set-Cookie header value. */
  signIn(req: IncomingMessage, participantId: string): string {
    // A fresh id on every sign-in (no session fixation); 256 random bits, base64url.
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { participantId, expiresAtMs: this.now().getTime() + this.ttlMs });
    return cookieHeader(req, id, Math.floor(this.ttlMs / 1000));
  }

  /** Ends the request's session, if any; returns the Set-Cookie header value that expires the cookie. */
  signOut(req: IncomingMessage): string {
    const id = readCookie(req, SESSION_COOKIE);
    if (id) this.sessions.delete(id);
    return cookieHeader(req, '', 0);
  }

  /** The participant id of the request's live session, or undefined (no cookie, unknown or expired). */
  participantOf(req: IncomingMessage): string | undefined {
    const id = readCookie(req, SESSION_COOKIE);
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return undefined;
    if (session.expiresAtMs <= this.now().getTime()) {
      this.sessions.delete(id!);
      return undefined;
    }
    return session.participantId;
  }

  /** Whether the request carries a session cookie at all (live or not). */
  hasCookie(req: IncomingMessage): boolean {
    return readCookie(req, SESSION_COOKIE) !== undefined;
  }
}
