// Input validation with the kit's own zod schemas: a request that does not match gets a 400
// problem+json that names the field and what was expected (zod/mini ships no English messages, so the
// detail is built from the issue itself, with the kit's own describeExpected).
import * as z from 'zod/mini';
import { describeExpected, formatPath } from '../../src/core/errors.js';
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
    field: issue.path.length ? formatPath(issue.path) : what,
    message: `expected ${describeExpected(issue)}`,
  }));
  const first = errors[0]!;
  throw new HttpProblem(400, 'validation', `${first.field}: ${first.message}`, { extensions: { errors } });
}
