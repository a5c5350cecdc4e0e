import type { FastifyLoggerOptions, FastifyRequest } from 'fastify';
import { type DestinationStream, type LoggerOptions, stdSerializers } from 'pino';
import type { Config } from '../../config.ts';
import { queryFailure } from '../db/client.ts';
import { LOG_REDACT_PATHS } from './security.ts';

/**
 * The one logger set-up. Personal data never reaches the logs:
 * - a failed query is logged by its SQL text and database error code, never its parameters
 *   nor the database's message (which quotes values); every line carries the request id;
 * - a request is logged by its method and path; query-string values (a case-list search for a
 *   name) and long opaque path segments (invitation tokens) are replaced;
 * - bodies are never logged, and the redaction list catches personal fields in anything else.
 */
export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  stream?: DestinationStream,
): FastifyLoggerOptions & LoggerOptions {
  return {
    level: config.logLevel,
    redact: { paths: [...LOG_REDACT_PATHS, '*.params', '*.body'], censor: '[redacted]' },
    serializers: { err: safeError, req: safeRequest },
    ...(stream ? { stream } : {}),
  };
}

/** An error as it may be logged: a database failure by shape and code; anything else as usual. */
export function safeError(error: unknown): { type: string; message: string; stack: string } {
  const failure = queryFailure(error);
  if (!failure) return stdSerializers.err(error as Error);
  const stack = error instanceof Error && error.stack ? error.stack : '';
  return {
    type: 'DatabaseQueryError',
    message: `Database error ${failure.code ?? 'unknown'}`,
    ...failure,
    // Only the frames: the first lines of a query error's stack repeat its message and values.
    stack: stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL as it may be logged: the path, with query values and token-like segments replaced. */
export function safeUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const segments = path
    .split('/')
    .map((segment) => (segment.length >= 32 && !UUID.test(segment) ? '[redacted]' : segment));
  const keys = query
    ? [...new URLSearchParams(query).keys()].map((key) => `${encodeURIComponent(key)}=[redacted]`)
    : [];
  return segments.join('/') + (keys.length ? `?${keys.join('&')}` : '');
}

function safeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: safeUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}
