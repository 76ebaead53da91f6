// Input validation with the kit's own zod schemas: a request that does not match gets a 400
// problem+json that names the field and what was expected (zod/mini ships no English messages,
// so the detail is built from the issue itself).
import * as z from 'zod/mini';
import { HttpProblem } from './http.js';

/** One field-level error, as listed in the problem's `errors` extension. */
export interface FieldError {
  field: string;
  message: string;
}

/** Parses `value` with `schema` or throws a 400 HttpProblem naming every bad field. */
export function validate<S extends z.core.$ZodType>(schema: S, value: unknown, what = 'body'): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue): FieldError => ({
    field: fieldName(what, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path),
    message: describeIssue(issue),
  }));
  const first = errors[0]!;
  throw new HttpProblem(400, 'validation', `${first.field}: ${first.message}`, { extensions: { errors } });
}

function fieldName(what: string, path: readonly PropertyKey[]): string {
  if (path.length === 0) return what;
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `expected a valid ${issue.format}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid';
  }
}
