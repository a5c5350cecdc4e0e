import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime } from '../dates.ts';
import { formatPence } from '../money/index.ts';
import type { Access } from '../auth/access.ts';
import type { RelationshipKind } from '../auth/policy.ts';
import { ROLE_LABELS } from '../auth/roles.ts';
import type { Db } from '../db/client.ts';
import type { FieldError } from '../http/problem.ts';
import { COUNCIL_PARAM, councilByCode, councilPath, soleCouncil } from './council.ts';
import { labelTableCells } from './tables.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface ViewGlobals {
  serviceName: string;
  demo: boolean;
}

/** The relationships that reach a person's record through "My support" (people/my-pages.ts). */
const MY_SUPPORT: ReadonlySet<RelationshipKind> = new Set([
  'self',
  'representative',
  'circle_member',
  'advocate',
  'support_organisation',
]);

/**
 * The layout's "My support" context on a page of one person's record opened by the person or
 * someone linked to them: the way back to the home and, for anyone but the person, whose record
 * it is ("You are acting for …"). In one place, from the guard's access, so no page repeats it.
 */
export function mySupportContext(
  access: Access | null | undefined,
): { home: string; name: string | null; self: boolean } | null {
  if (access?.kind !== 'person' || !MY_SUPPORT.has(access.relationship.kind)) return null;
  return {
    home: `/my/${access.personId}`,
    name: access.personName ?? null,
    self: access.relationship.kind === 'self',
  };
}

/** Pages only: the API, static files and the health check never render the layout. */
const NOT_PAGES = ['/api/', '/assets/', '/govuk/', '/public/', '/health'];

declare module 'fastify' {
  interface FastifyInstance {
    /** A page as HTML without a reply (for answers made before any hook runs). */
    renderView(template: string, context?: Record<string, unknown>): string;
  }
  interface FastifyReply {
    /** Renders a page with the layout's shared context (signed-in user, CSRF token, navigation). */
    render(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export function createViewEnvironment(globals: ViewGlobals): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [here('./templates'), here('../../features'), here('../../../node_modules/govuk-frontend/dist')],
      // Templates are compiled once per process: recompiling on every request cost most of a page's time.
      { noCache: false },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  env.addFilter('money', (pence: number | null | undefined) =>
    pence == null ? '' : formatPence(Number(pence)),
  );
  env.addFilter('date', (iso: string | Date | null | undefined) => {
    if (!iso) return '';
    return formatDate(iso instanceof Date ? iso.toISOString().slice(0, 10) : String(iso).slice(0, 10));
  });
  env.addFilter('dateTime', (value: string | Date | null | undefined) =>
    value ? formatDateTime(value) : '',
  );
  env.addFilter('roleLabel', (role: keyof typeof ROLE_LABELS) => ROLE_LABELS[role] ?? role);
  /** Field errors → the shapes govuk macros take: a summary list and a per-field message. */
  env.addFilter('errorList', (errors: FieldError[] | undefined) =>
    (errors ?? []).map((e) => ({ text: e.message, href: `#${e.field}` })),
  );
  /** Field errors on a page that has no such fields (the error page): the messages, no links. */
  env.addFilter('errorTextList', (errors: FieldError[] | undefined) =>
    [...new Set((errors ?? []).map((e) => e.message))].map((text) => ({ text })),
  );
  env.addFilter('errorFor', (errors: FieldError[] | undefined, field: string) => {
    const found = (errors ?? []).find((e) => e.field === field);
    return found ? { text: found.message } : undefined;
  });
  for (const [key, value] of Object.entries(globals)) env.addGlobal(key, value);
  return env;
}

export const views = fp(
  async (app: FastifyInstance, options: { globals: ViewGlobals; db: Db }) => {
    const { db } = options;
    const env = createViewEnvironment(options.globals);
    app.decorateRequest('council', null);
    // The council a page speaks for (council.ts): the one its address names; else, for someone
    // not signed in, the only council there is. Signed-in accounts carry their own council.
    app.addHook('preHandler', async (request) => {
      if (NOT_PAGES.some((prefix) => request.url.startsWith(prefix))) return;
      const code = (request.params as Record<string, string> | undefined)?.[COUNCIL_PARAM];
      if (code !== undefined) request.council = await councilByCode(db, code);
      else if (!request.actor) request.council = await soleCouncil(db);
    });
    // Every page's tables are labelled for a phone here, once, rather than in each template (tables.ts).
    app.decorate('renderView', (template: string, context: Record<string, unknown> = {}) =>
      labelTableCells(env.render(template, context)),
    );
    app.decorateReply('render', function render(this: FastifyReply, template: string, context = {}) {
      const request = this.request;
      const council = request.council ?? request.actor?.council ?? null;
      const html = labelTableCells(
        env.render(template, {
          councilName: council?.name ?? null,
          // Where the council's public pages live (the layout's links); '' when no council is known.
          councilBase: council ? councilPath(council.code, '') : '',
          ...context,
          mySupport: mySupportContext(request.access),
          actor: request.actor,
          csrfToken: this.generateCsrf(),
          currentPath: request.url.split('?')[0],
        }),
      );
      return this.type('text/html; charset=utf-8').send(html);
    });
  },
  { name: 'views', dependencies: ['@fastify/csrf-protection'] },
);
