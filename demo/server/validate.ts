// Input validation with the kit's own valibot schemas: a request that does not match gets a 400
// problem+json that names the field and what was expected (the detail is built from the issue itself, with the
// kit's own describeExpected, the same words the widgets' SchemaError uses).
import * as v from 'valibot';
import { describeExpected, formatPath, issuePath } from '../../src/core/errors.js';
import { HttpProblem } from './http.js';

/** One field-level error, as listed in the problem's `errors` extension. */
export interface FieldError {
  field: string;
  message: string;
}

/** Parses `value` with `schema` or throws a 400 HttpProblem naming every bad field. */
export function validate<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  what = 'body',
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const errors = result.issues.map((issue): FieldError => ({
    field: issue.path?.length ? formatPath(issuePath(issue)) : what,
    message: `expected ${describeExpected(issue, schema)}`,
  }));
  const first = errors[0]!;
  throw new HttpProblem(400, 'validation', `${first.field}: ${first.message}`, { extensions: { errors } });
}
