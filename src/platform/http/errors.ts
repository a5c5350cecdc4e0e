import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isApiRequest } from '../auth/guard.ts';
import { type FieldError, Problem, problemBody } from './problem.ts';

/**
 * One error policy for the whole app: the API answers `application/problem+json` with
 * field-level errors; pages answer a styled GOV.UK page. Nobody ever sees a stack trace.
 */
export function setUpErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, title: problem.title }, 'request refused');
    return sendProblem(request, reply, problem);
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, Problem.notFound()));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  reply.status(problem.status);
  if (isApiRequest(request)) {
    return reply.type('application/problem+json').send(problemBody(problem, request.url));
  }
  const template =
    problem.status === 404
      ? 'errors/404.njk'
      : problem.status >= 500
        ? 'errors/500.njk'
        : 'errors/problem.njk';
  return reply.render(template, { title: problem.title, problem });
}

function toProblem(error: FastifyError | Problem): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.map((issue) => ({
      field: fieldName(issue.instancePath, issue.params),
      message: issue.message ?? 'is not valid',
    }));
    return Problem.invalid(
      errors,
      `The ${error.validationContext ?? 'request'} has answers that need correcting.`,
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'Request too large', 'The request body is larger than this service accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'Unsupported content type', 'Send JSON (application/json) or a web form.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new Problem(400, 'Empty JSON body', 'The request said it was JSON but had no body.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (error.code?.startsWith('FST_CSRF')) {
    return new Problem(403, 'This form has expired', 'Go back, refresh the page and try again.');
  }
  if (error.statusCode === 429) {
    return new Problem(429, 'Too many requests', 'Too many attempts. Wait a few minutes and try again.');
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new Problem(400, 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new Problem(error.statusCode, 'The request could not be accepted', error.message);
  }
  return new Problem(500, 'Sorry, there is a problem with the service', 'Try again later.');
}

function fieldName(instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const extra = (params as { keys?: string[] } | undefined)?.keys;
  if (extra?.length) return path ? `${path}.${extra[0]}` : extra[0]!;
  return path || 'body';
}
