import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { FEATURES } from './features/index.ts';
import { buildServices, type Services } from './features/services.ts';
import { resolveRelationship } from './features/people/access.ts';
import type { RelationshipResolver } from './platform/auth/access.ts';
import { auditPerRequest } from './platform/audit/request.ts';
import { accessGuard, isApiRequest, type RouteEntry } from './platform/auth/guard.ts';
import type { Database } from './platform/db/client.ts';
import { apiDocs } from './platform/http/openapi.ts';
import { frameworkErrorAnswers, setUpErrorHandling } from './platform/http/errors.ts';
import { healthRoutes } from './platform/http/health.ts';
import { refuseUnstorableText } from './platform/http/input.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { contentSecurityPolicy, securityHeaders } from './platform/http/security.ts';
import { views } from './platform/views/index.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export interface AppOptions {
  database: Database;
  config: Config;
  /** Every feature's services (src/features/services.ts); tests pass fakes. Default: built from the database. */
  services?: Services;
  /** Override for tests that need a fake; defaults to the people feature's resolver. */
  resolveRelationship?: RelationshipResolver;
  /** Where log lines go (default: standard output); tests capture them. */
  logStream?: DestinationStream;
}

export interface App extends FastifyInstance {
  routeTable: RouteEntry[];
}

/**
 * Builds the whole app without listening (tests use `app.inject`). Reads top to bottom as
 * a request's path: ids and logs, security headers, parsing, static files, views,
 * authentication and authorisation, CSRF, health, API docs, features, errors.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { database, config } = options;
  const db = database.db;
  const frameworkErrors = frameworkErrorAnswers();
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
    },
    // Believe X-Forwarded-For only as far as our own proxies wrote it (never the client's own entries).
    trustProxy: (_address: string, hop: number) => hop < config.proxyHops,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: frameworkErrors.frameworkErrors,
    clientErrorHandler: frameworkErrors.clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const helmetOptions = {
    contentSecurityPolicy: contentSecurityPolicy(),
    strictTransportSecurity: config.secureTransport,
  };
  await app.register(helmet, helmetOptions);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.secureTransport },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });

  // Each page names its own council (platform/views/council.ts), never a global one.
  await app.register(views, { db, globals: { serviceName: 'Selfdirect', demo: config.mode === 'demo' } });

  setUpErrorHandling(app);
  frameworkErrors.ready(securityHeaders(helmetOptions), (template, context) =>
    app.renderView(template, context),
  );

  const routeTable: RouteEntry[] = [];
  await app.register(accessGuard, {
    db,
    resolveRelationship: options.resolveRelationship ?? resolveRelationship(db),
    routes: routeTable,
  });
  await app.register(auditPerRequest, { db });
  // After the guard (a refused request learns nothing), before any route's own validation.
  app.addHook('preValidation', refuseUnstorableText);
  await app.register(fastifyStatic, {
    root: fromRoot('node_modules/govuk-frontend/dist/govuk/assets'),
    prefix: '/assets/',
    allowedPath: (path) => !path.startsWith('/fonts/'),
    cacheControl: true,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: fromRoot('node_modules/govuk-frontend/dist/govuk'),
    prefix: '/govuk/',
    decorateReply: false,
    allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(path),
  });
  await app.register(fastifyStatic, { root: fromRoot('public'), prefix: '/public/', decorateReply: false });

  // Every form post on a page carries the CSRF token; the API uses bearer tokens, not cookies.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || isApiRequest(request)) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(apiDocs);
  await app.register(healthRoutes, { db });
  const services = options.services ?? buildServices({ db, config });
  for (const feature of FEATURES) await app.register(feature.routes, { db, config, services });

  await app.ready();
  return Object.assign(app, { routeTable }) as App;
}
