import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The only inline script on any page is govuk-frontend's one-liner that marks the body
 * `js-enabled`. Its hash, read from the installed template, is the only inline script the
 * Content-Security-Policy allows: no nonces, no 'unsafe-inline'.
 */
export function govukInlineScriptHash(): string {
  const template = readFileSync(
    fileURLToPath(new URL('../../../node_modules/govuk-frontend/dist/govuk/template.njk', import.meta.url)),
    'utf8',
  );
  const match = /<script[^>]*>(document\.body\.className[^<]*)<\/script>/.exec(template);
  if (!match) throw new Error('govuk-frontend template changed: inline script not found');
  return `'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`;
}

export function contentSecurityPolicy() {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", govukInlineScriptHash()],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  };
}

/**
 * The security headers helmet sets on every answer, as a plain map, for the answers Fastify
 * makes before any hook runs (a badly encoded address, an over-long path parameter, oversized
 * headers): they carry exactly the same headers as every other answer.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet(options)({} as IncomingMessage, recorder, () => {});
  return headers;
}

/** Personal fields never reach the logs. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.email',
  '*.legalName',
  '*.preferredName',
  '*.dateOfBirth',
  '*.chiNumber',
  '*.nhsNumber',
  '*.accountNumber',
  '*.sortCode',
  '*.token',
];
