/**
 * Typed errors of the kit. Each has a stable `code` string so widgets and host pages can react without
 * `instanceof` across bundles (two copies of the kit on one page).
 */
import type * as z from 'zod/mini';
import type { Problem } from './schemas.js';

/** Stable error codes. */
export type IopErrorCode = 'network' | 'timeout' | 'http' | 'schema' | 'config' | 'unknown';

/** Base class of every error the kit throws. */
export class IopError extends Error {
  readonly code: IopErrorCode;

  constructor(code: IopErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'IopError';
  }
}

/** The request never got an HTTP answer (offline, DNS, connection refused, CORS). */
export class NetworkError extends IopError {
  constructor(message = 'The network request failed.', options?: { cause?: unknown }) {
    super('network', message, options);
    this.name = 'NetworkError';
  }
}

/** The request took longer than `timeoutMs`. */
export class TimeoutError extends IopError {
  readonly timeoutMs: number | undefined;

  constructor(timeoutMs?: number, message?: string) {
    super(
      'timeout',
      message ??
        (timeoutMs === undefined ? 'The request timed out.' : `The request timed out after ${timeoutMs} ms.`),
    );
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The server answered with a non-2xx status; `problem` holds its RFC 9457 details when it sent them. */
export class HttpError extends IopError {
  readonly status: number;
  readonly problem: Problem | undefined;
  /** How long the server asked us to wait (Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, problem?: Problem, retryAfterMs?: number) {
    const what = problem?.detail ?? problem?.title;
    super('http', what ? `HTTP ${status}: ${what}` : `HTTP ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.problem = problem;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Data did not match its schema. `path` names the field (e.g. `careTeam[0].phone`), `expected` what it needed. */
export class SchemaError extends IopError {
  readonly path: string;
  readonly expected: string;
  /** What was being parsed, e.g. "GET /coverage". */
  readonly what: string;

  constructor(path: string, expected: string, what = 'data') {
    super('schema', `Invalid ${what}: ${path} - expected ${expected}.`);
    this.name = 'SchemaError';
    this.path = path;
    this.expected = expected;
    this.what = what;
  }
}

/** A configuration option is wrong: `option` names it, `expected` says what it must be. */
export class ConfigError extends IopError {
  readonly option: string;
  readonly expected: string;

  constructor(option: string, expected: string) {
    super('config', `Invalid configuration option "${option}": expected ${expected}.`);
    this.name = 'ConfigError';
    this.option = option;
    this.expected = expected;
  }
}

/** `careTeam[0].phone` from ['careTeam', 0, 'phone']; `(root)` for the value itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

type Issue = z.core.$ZodIssue;

/** A short, readable description of what an issue needed. */
export function describeExpected(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int'
        ? 'an integer'
        : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
    case 'too_big': {
      const big = issue.code === 'too_big';
      const limit = String(big ? issue.maximum : issue.minimum);
      return issue.origin === 'string' || issue.origin === 'array'
        ? `${big ? 'at most' : 'at least'} ${limit} ${issue.origin === 'string' ? 'characters' : 'items'}`
        : `a value ${big ? '<' : '>'}${issue.inclusive ? '=' : ''} ${limit}`;
    }
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      // A refine's own message. (The kit's schemas use no zod string formats, multipleOf or strict objects,
      // so their issue codes cannot occur; a schema that adds one gets its message here.)
      return issue.message;
  }
}

/** The first issue of a failed parse as a SchemaError. */
export function schemaErrorFrom(issues: readonly Issue[], what: string): SchemaError {
  const issue = issues[0];
  if (!issue) return new SchemaError('(root)', 'valid data', what);
  return new SchemaError(formatPath(issue.path), describeExpected(issue), what);
}

/**
 * Parse `data` with `schema`; throw a SchemaError naming the path and what was expected.
 * `what` says what was parsed, e.g. "GET /coverage response".
 */
export function parseWith<T extends z.ZodMiniType>(schema: T, data: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw schemaErrorFrom(result.error.issues, what);
  return result.data;
}
