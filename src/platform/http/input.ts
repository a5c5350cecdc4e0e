import type { FastifyRequest } from 'fastify';
import { type FieldError, fieldPath, Problem } from './problem.ts';

/**
 * Text we can store. PostgreSQL refuses a NUL character in text (and in JSON), and a lone
 * UTF-16 surrogate has no UTF-8 form, so either one reaching the database was a 500. They are
 * refused here, once, for every string a request carries — body (JSON and form posts), query
 * and path parameters — before any route's own validation runs. Nobody types either of them:
 * they come from pasted binary or hostile clients.
 */

// NUL; a high surrogate not followed by a low one; a low one not preceded by a high one.
// No `u` flag: the classes must match UTF-16 code units, not code points.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses.
const UNSTORABLE_UNITS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE =
  'This answer has a hidden character we cannot keep. Type it again rather than pasting it.';

/** True when the text has a NUL character or a lone surrogate. */
export function hasUnstorableText(value: string): boolean {
  return UNSTORABLE_UNITS.test(value);
}

/** Field errors for every string (and object key) in `value` that cannot be stored, by path. */
export function unstorableTextErrors(value: unknown, path: (string | number)[] = []): FieldError[] {
  if (typeof value === 'string') {
    return hasUnstorableText(value)
      ? [{ field: fieldPath(path, 'body'), message: UNSTORABLE_TEXT_MESSAGE }]
      : [];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => unstorableTextErrors(item, [...path, index]));
  // Plain, null-prototype (form and query parsers) objects; never buffers or dates.
  if (value && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) =>
      hasUnstorableText(key)
        ? [{ field: fieldPath(path, 'body'), message: UNSTORABLE_TEXT_MESSAGE }]
        : unstorableTextErrors(item, [...path, key]),
    );
  }
  return [];
}

/**
 * A preValidation hook for the whole app (registered after the access guard, so a refused
 * request still learns nothing): refuses a request carrying unstorable text with a 400 that
 * names each field. Pages get the GOV.UK error page with the summary, the API problem+json.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const errors = [
    ...unstorableTextErrors(request.params),
    ...unstorableTextErrors(request.query),
    ...unstorableTextErrors(request.body),
  ];
  if (errors.length) {
    const problem = Problem.invalid(errors, 'Some answers have a hidden character we cannot keep.');
    problem.requestPaths = true;
    throw problem;
  }
}
