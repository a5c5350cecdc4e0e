import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
