/** A field-level error, shown inline on pages and listed in problem+json on the API. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * An expected failure with a status and plain words: thrown by services, turned into
 * `application/problem+json` on the API and a GOV.UK error page or summary on pages.
 */
export class Problem extends Error {
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

  static conflict(detail: string): Problem {
    return new Problem(
      409,
      'This was changed by someone else',
      detail,
      [],
      'https://selfdirect.example/problems/conflict',
    );
  }
}

export const FORBIDDEN_TYPE = 'https://selfdirect.example/problems/forbidden';
export const UNAUTHENTICATED_TYPE = 'https://selfdirect.example/problems/unauthenticated';

export function problemBody(problem: Problem, instance: string) {
  return {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance,
    ...(problem.errors.length ? { errors: problem.errors } : {}),
  };
}
