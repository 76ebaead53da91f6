/**
 * Typed errors of the kit. Each has a stable `code` string so widgets and host pages can react without
 * `instanceof` across bundles (two copies of the kit on one page).
 */
import * as v from 'valibot';
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

/**
 * Data did not match its schema. `path` names the field (e.g. `careTeam[0].phone`), `expected` what it needed.
 * When the rest of the data was still usable, `dropped` lists the items that were left out (e.g.
 * `warningSigns[2]`) and the data was shown without them (see `allowPartial`).
 */
export class SchemaError extends IopError {
  readonly path: string;
  readonly expected: string;
  /** What was being parsed, e.g. "GET /coverage". */
  readonly what: string;
  /** The items left out of partial data; empty when the data as a whole was refused. */
  readonly dropped: readonly string[];

  constructor(path: string, expected: string, what = 'data', dropped: readonly string[] = []) {
    super(
      'schema',
      `Invalid ${what}: ${path} - expected ${expected}.` +
        (dropped.length ? ` Left out ${dropped.join(', ')}; everything else is shown.` : ''),
    );
    this.name = 'SchemaError';
    this.path = path;
    this.expected = expected;
    this.what = what;
    this.dropped = dropped;
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

type Issue = v.BaseIssue<unknown>;
type Schema = v.GenericSchema;

/** An issue's path as keys, e.g. ['careTeam', 0, 'phone']. */
export function issuePath(issue: Issue): PropertyKey[] {
  return issue.path?.map((item) => item.key as PropertyKey) ?? [];
}

/** "a string", "an object", 'one of "a", "b"' from a schema's `expects` ("string", "Object", '("a" | "b")'). */
function describeExpects(expects: string): string {
  const options = expects.replace(/^\((.*)\)$/, '$1').split(' | ');
  return options[0]!.startsWith('"')
    ? `one of ${options.join(', ')}`
    : options.map((o) => `${/^[aeiou]/i.test(o) ? 'an' : 'a'} ${o.toLowerCase()}`).join(' or ');
}

/** The schema at `path` inside `schema` (through objects, arrays, optional and nullable), if any. */
function schemaAt(schema: Schema | undefined, path: readonly PropertyKey[]): Schema | undefined {
  type Node = { wrapped?: Node; entries?: Record<PropertyKey, Node>; item?: Node } | undefined;
  let node = schema as Node;
  for (const key of path) {
    while (node?.wrapped) node = node.wrapped;
    node = typeof key === 'number' ? node?.item : node?.entries?.[key];
  }
  return node as Schema | undefined;
}

/**
 * A short, readable description of what an issue needed. `schema` (the one parsed) names what a missing field
 * needed ("a string") instead of just the field.
 */
export function describeExpected(issue: Issue, schema?: Schema): string {
  const limit = String(issue.requirement);
  switch (issue.type) {
    case 'integer':
      return 'an integer';
    case 'min_length':
    case 'max_length':
      return `${issue.type === 'max_length' ? 'at most' : 'at least'} ${limit} ${typeof issue.input === 'string' ? 'characters' : 'items'}`;
    case 'min_value':
    case 'max_value':
    case 'gt_value':
    case 'lt_value':
      return `a value ${issue.type[0] === 'm' ? (issue.type === 'min_value' ? '>=' : '<=') : issue.type === 'gt_value' ? '>' : '<'} ${limit}`;
  }
  if (issue.kind !== 'schema') return issue.message; // a check's own message
  // A missing field: valibot's issue names the key; the field's own schema says what it needed.
  const expects =
    issue.path?.at(-1)?.origin === 'key'
      ? (schemaAt(schema, issuePath(issue))?.expects ?? 'value')
      : issue.expected;
  return expects ? describeExpects(expects) : issue.message;
}

/** The first issue of a failed parse as a SchemaError (`schema`: the one parsed, see describeExpected). */
export function schemaErrorFrom(
  issues: readonly Issue[],
  what: string,
  dropped?: readonly string[],
  schema?: Schema,
): SchemaError {
  const issue = issues[0];
  if (!issue) return new SchemaError('(root)', 'valid data', what, dropped);
  return new SchemaError(formatPath(issuePath(issue)), describeExpected(issue, schema), what, dropped);
}

// ---------------------------------------------------------------------------------------------------------
// Partial data: one bad item in a list leaves out that item, not the whole document.

/** For each schema that allows it: the parts of its data that may be left out when invalid. */
const optionalParts = new WeakMap<object, ReadonlyArray<readonly string[]>>();
/** For each value parseWith returned without some parts: what was left out and why. */
const leftOut = new WeakMap<object, SchemaError>();

/**
 * Lets `parseWith` leave out the invalid items of `schema`'s data instead of refusing all of it. `parts` are
 * paths: `warningSigns[]` is any item of that list, `pet` an optional field, `[]` an item of a list schema.
 * An invalid value anywhere else is the core of the data and still refuses the whole document.
 */
export function allowPartial<T extends Schema>(schema: T, parts: readonly string[]): T {
  // Longest first, so the smallest part that holds the issue is the one left out.
  const split = parts.map((part) => part.replace(/\[\]/g, '.[]').split('.').filter(Boolean));
  optionalParts.set(
    schema,
    split.sort((a, b) => b.length - a.length),
  );
  return schema;
}

/** What `parseWith` left out of `value` (the error names the first bad field and lists every dropped item). */
export function droppedFrom(value: unknown): SchemaError | undefined {
  return typeof value === 'object' && value !== null ? leftOut.get(value) : undefined;
}

/** The part of `path` that may be left out, or undefined when the issue is in the core of the data. */
function optionalPartOf(
  path: readonly PropertyKey[],
  parts: ReadonlyArray<readonly string[]>,
): PropertyKey[] | undefined {
  const match = parts.find(
    (part) =>
      path.length >= part.length &&
      part.every((key, i) => (key === '[]' ? typeof path[i] === 'number' : key === path[i])),
  );
  return match && path.slice(0, match.length);
}

/** A copy of `data` without the parts at `cuts` (list items are removed, optional fields deleted). */
function without(data: unknown, cuts: ReadonlyArray<readonly PropertyKey[]>): unknown {
  const copy = structuredClone(data);
  const fromLists = new Map<unknown[], number[]>();
  const fields: Array<[Record<PropertyKey, unknown>, PropertyKey]> = [];
  for (const cut of cuts) {
    let parent: unknown = copy;
    for (const key of cut.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[key];
    const last = cut[cut.length - 1]!;
    if (Array.isArray(parent)) fromLists.set(parent, [...(fromLists.get(parent) ?? []), last as number]);
    else if (parent && typeof parent === 'object')
      fields.push([parent as Record<PropertyKey, unknown>, last]);
  }
  // Every cut was located before anything moved; highest index first keeps the others in place.
  for (const [list, indexes] of fromLists) {
    for (const index of [...new Set(indexes)].sort((a, b) => b - a)) list.splice(index, 1);
  }
  for (const [parent, key] of fields) delete parent[key];
  return copy;
}

/**
 * Parse `data` with `schema`; throw a SchemaError naming the path and what was expected.
 * `what` says what was parsed, e.g. "GET /coverage response".
 * For a schema with `allowPartial`, invalid optional parts are left out instead, as long as the core is
 * valid; `droppedFrom(result)` then says what was left out.
 */
export function parseWith<T extends Schema>(schema: T, data: unknown, what: string): v.InferOutput<T> {
  let result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const parts = optionalParts.get(schema);
  const firstIssues = result.issues;
  const dropped: string[] = [];
  // A second pass is rare (checks that run only once the shape is valid, such as a slot's end after its
  // start); a few passes bound the work on hostile data.
  for (let pass = 0; parts && !result.success && pass < 4; pass++) {
    const cuts = new Map<string, PropertyKey[]>();
    for (const issue of result.issues) {
      const cut = optionalPartOf(issuePath(issue), parts);
      if (!cut) throw schemaErrorFrom([issue], what, undefined, schema);
      cuts.set(formatPath(cut), cut);
    }
    dropped.push(...cuts.keys());
    data = without(data, [...cuts.values()]);
    result = v.safeParse(schema, data);
  }
  if (!result.success) throw schemaErrorFrom(firstIssues, what, undefined, schema);
  const value = result.output;
  if (typeof value === 'object' && value !== null) {
    leftOut.set(value, schemaErrorFrom(firstIssues, what, dropped, schema));
  }
  return value;
}
