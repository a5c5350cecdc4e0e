import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isApiRequest } from '../auth/guard.ts';
import { apiFieldPath, type FieldError, fieldPathFromPointer, Problem, problemBody } from './problem.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Where the route's body wraps what its service validates (`content` for a whole plan):
     * the API reports the service's field errors under it (`content.outcomes[0].ref`).
     */
    errorFieldsUnder?: string;
  }
}

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
    const under = request.routeOptions?.config?.errorFieldsUnder;
    const errors = problem.requestPaths
      ? problem.errors
      : problem.errors.map((e) => ({ ...e, field: apiFieldPath(e.field, under) }));
    return reply.type('application/problem+json').send(problemBody(problem, request.url, errors));
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
    const problem = Problem.invalid(
      errors,
      `The ${error.validationContext ?? 'request'} has answers that need correcting.`,
    );
    problem.requestPaths = true;
    return problem;
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

/** The request's own field, in the one path style (`needs[0].quantityPerWeek`). */
function fieldName(instancePath: string, params: unknown): string {
  const extra = (params as { keys?: string[] } | undefined)?.keys;
  const pointer = extra?.length ? `${instancePath}/${extra[0]}` : instancePath;
  return fieldPathFromPointer(pointer);
}

/**
 * Answers Fastify makes itself, before any hook runs, so neither helmet nor our error handler
 * sees them: a badly encoded address (`/api/v1/people/%ff`), a path parameter over the length
 * limit, and — from the HTTP parser, before there is a request at all — oversized headers or a
 * malformed request. They get the same answer as every other error: problem+json on the API
 * (and from the parser, which has no path to go by), the error page elsewhere, with the same
 * security headers. `ready` hands over the headers and the page renderer once the app has them.
 */
export function frameworkErrorAnswers() {
  let headers: Record<string, string> = {};
  let renderPage: (template: string, context: Record<string, unknown>) => string = () => '';

  const problemFor = (code: string | undefined): Problem => {
    switch (code) {
      case 'FST_ERR_BAD_URL':
        return new Problem(
          400,
          'This address is not valid',
          'Check the address: part of it is not a valid web address.',
        );
      case 'FST_ERR_MAX_PARAM_LENGTH':
        return new Problem(
          414,
          'This address is too long',
          'Check the address: part of it is longer than any we use.',
        );
      case 'HPE_HEADER_OVERFLOW':
        return new Problem(
          431,
          'Request headers too large',
          'The request headers are larger than this service accepts.',
        );
      case 'ERR_HTTP_REQUEST_TIMEOUT':
        return new Problem(408, 'Request timed out', 'The request took too long to arrive. Try again.');
      case 'FST_ERR_ASYNC_CONSTRAINT':
        return new Problem(500, 'Sorry, there is a problem with the service', 'Try again later.');
      default:
        return new Problem(400, 'The request could not be accepted', 'The request is not valid HTTP.');
    }
  };

  return {
    ready(securityHeaders: Record<string, string>, render: typeof renderPage) {
      headers = securityHeaders;
      renderPage = render;
    },

    frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
      const problem = problemFor(error.code);
      request.log.info({ status: problem.status, code: error.code }, 'request refused');
      reply
        .headers({ ...headers, 'x-request-id': request.id, 'cache-control': 'no-store' })
        .status(problem.status);
      if (isApiRequest(request)) {
        return reply.type('application/problem+json').send(JSON.stringify(problemBody(problem, request.url)));
      }
      const template = problem.status >= 500 ? 'errors/500.njk' : 'errors/problem.njk';
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(template, { title: problem.title, problem, currentPath: '/' }));
    },

    clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
      const problem = problemFor(error.code);
      const { instance: _none, ...body } = problemBody(problem, '');
      const json = JSON.stringify(body);
      const lines = [
        `HTTP/1.1 ${problem.status} ${problem.title}`,
        ...Object.entries({ ...headers, 'cache-control': 'no-store' }).map(
          ([name, value]) => `${name}: ${value}`,
        ),
        'content-type: application/problem+json',
        `content-length: ${Buffer.byteLength(json)}`,
        'connection: close',
      ];
      socket.end(`${lines.join('\r\n')}\r\n\r\n${json}`);
    },
  };
}
