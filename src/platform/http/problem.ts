/**
 * A field-level error, shown inline on pages and listed in problem+json on the API. `field`
 * names the request's own field in one style: `needs[0].quantityPerWeek`, `content.outcomes[1].ref`.
 */
export interface FieldError {
  field: string;
  message: string;
}

/** The one path style for field errors: `['needs', 0, 'quantityPerWeek']` → `needs[0].quantityPerWeek`. */
export function fieldPath(segments: readonly (string | number)[], whole = 'body'): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path ? `.${segment}` : segment;
  }
  return path || whole;
}

/** A JSON pointer (`/needs/0/quantityPerWeek`, as schema validators report) in the one path style. */
export function fieldPathFromPointer(pointer: string, whole = 'body'): string {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  return fieldPath(segments, whole);
}

/**
 * The same errors with the last segment of each field renamed from a service's or rule's own
 * word to the request's field (`needs[0].outcomeRef` → `needs[0].outcomeId`).
 */
export function renameFields(errors: readonly FieldError[], rename: Record<string, string>): FieldError[] {
  return errors.map((error) => ({
    ...error,
    field: error.field.replace(/[A-Za-z_]\w*$/, (last) => rename[last] ?? last),
  }));
}

/**
 * A field as the API names it: services that name array items `incomes.0.evidence` (the
 * form field's name on a page) are given in the one path style, `incomes[0].evidence`, and
 * under `prefix` when the route's body wraps the part the service saw (`content.`).
 */
export function apiFieldPath(field: string, prefix?: string): string {
  const path = fieldPath(field.split('.').filter(Boolean));
  if (!prefix || path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))
    return path;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * An expected failure with a status and plain words: thrown by services, turned into
 * `application/problem+json` on the API and a GOV.UK error page or summary on pages.
 */
export class Problem extends Error {
  /**
   * True when the fields already name the request's own fields (schema validation, the
   * unstorable-text check); false when a service named them, so the API maps them
   * (`apiFieldPath`) to the request's path style and prefix.
   */
  requestPaths = false;

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly type = `https://selfdirect.example/problems/${status}`,
  ) {
    super(detail ?? title);
  }

  static invalid(errors: FieldError[], detail = 'Some answers need correcting.'): Problem {
    return new Problem(
      400,
      'There is a problem',
      detail,
      errors,
      'https://selfdirect.example/problems/validation',
    );
  }

  static notFound(what = 'Page'): Problem {
    return new Problem(404, `${what} not found`, `${what} not found. Check the address or go back.`);
  }

  static forbidden(detail = 'You do not have access to this.'): Problem {
    return new Problem(403, 'You do not have access', detail, [], FORBIDDEN_TYPE);
  }

  static conflict(
    detail: string,
    errors: FieldError[] = [],
    title = 'This was changed by someone else',
  ): Problem {
    return new Problem(409, title, detail, errors, 'https://selfdirect.example/problems/conflict');
  }
}

export const FORBIDDEN_TYPE = 'https://selfdirect.example/problems/forbidden';
export const UNAUTHENTICATED_TYPE = 'https://selfdirect.example/problems/unauthenticated';

export function problemBody(problem: Problem, instance: string, errors = problem.errors) {
  return {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    ...(errors.length ? { errors } : {}),
  };
}
