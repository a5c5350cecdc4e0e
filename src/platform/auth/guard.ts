import { and, desc, eq, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { type AuditEntry, recordAudit } from '../audit/index.ts';
import { currentAuditUnit } from '../audit/request.ts';
import type { Db } from '../db/client.ts';
import { besideRequestTransaction, inTenant } from '../db/transaction.ts';
import { FORBIDDEN_TYPE, Problem, UNAUTHENTICATED_TYPE } from '../http/problem.ts';
import type { Access, PersonAccess, RelationshipResolver } from './access.ts';
import type { Actor } from './actor.ts';
import { actorFromApiToken, actorFromSession } from './credentials.ts';
import {
  type AuthorityPermission,
  isPersonPermission,
  isPlatformPermission,
  mayBreakGlass,
  type PersonPermission,
  type PlatformPermission,
  platformRoleAllows,
  type Relationship,
  refusalFor,
  relationshipAllows,
  roleAllows,
} from './policy.ts';
import { breakGlassGrants } from './schema.ts';

export const SESSION_COOKIE = 'selfdirect_session';

/** What a route declares it needs. A route that declares nothing is refused to everyone. */
export type RouteAccess =
  | 'public'
  | { permission: AuthorityPermission | 'signed_in' }
  | { permission: PersonPermission; personParam?: string }
  | { permission: PlatformPermission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    access: Access | null;
  }
}

/** Finds the signed-in account behind a request, or null. */
export type Authenticator = (request: FastifyRequest) => Promise<Actor | null>;

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

export const isApiRequest = (request: FastifyRequest) => request.url.startsWith('/api/');

/**
 * Authentication (session cookie for pages, bearer token for the API) and the deny-by-default
 * authorisation decision for every route, made before the body is validated so a refused
 * request learns nothing. Collects the route table for the access-matrix test.
 */
export const accessGuard = fp(
  async (
    app: FastifyInstance,
    options: {
      db: Db;
      resolveRelationship: RelationshipResolver;
      routes: RouteEntry[];
      /** Who is asking; defaults to the session cookie or bearer token (route tests pass a fake). */
      authenticate?: Authenticator;
    },
  ) => {
    const { db, resolveRelationship, routes } = options;
    const identify = options.authenticate ?? ((request: FastifyRequest) => authenticate(db, request));
    app.decorateRequest('actor', null);
    app.decorateRequest('access', null);

    app.addHook('onRoute', (route: RouteOptions) => {
      // Static files (stylesheets, scripts, images) are public; everything else must declare.
      if (!route.config?.access && STATIC_PREFIXES.some((prefix) => route.url.startsWith(prefix))) {
        route.config = { ...route.config, access: 'public' };
      }
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method === 'HEAD') continue;
        routes.push({ method, url: route.url, access: route.config?.access });
      }
    });

    app.addHook('onRequest', async (request) => {
      request.actor = await identify(request);
    });

    app.addHook('preValidation', async (request, reply) => {
      const declared = request.routeOptions.config?.access;
      if (declared === 'public') return;
      if (!request.routeOptions.url) return; // 404 handler
      const actor = request.actor;
      if (!actor) return unauthenticated(request, reply);
      const route = `${request.method} ${request.routeOptions.url}`;
      if (declared && isPlatformPermission(declared.permission)) {
        // Only the platform operator, an account of no council; never a council's account.
        if (actor.authorityId !== null || !platformRoleAllows(declared.permission, actor.role))
          return refuse(request, reply);
        request.access = { kind: 'platform', actor, permission: declared.permission, route };
        return;
      }
      if (!declared || !actor.authorityId) return refuse(request, reply, 'This page has no access rule.');
      if (!isPersonPermission(declared.permission)) {
        if (!roleAllows(declared.permission as AuthorityPermission, actor.role))
          return refuse(request, reply);
        request.access = {
          kind: 'council',
          actor,
          authorityId: actor.authorityId,
          permission: declared.permission as AuthorityPermission,
          route,
        };
        return;
      }
      const permission = declared.permission;
      const personParam =
        'personParam' in declared && declared.personParam ? declared.personParam : 'personId';
      const personId = (request.params as Record<string, string>)[personParam];
      if (!personId || !UUID.test(personId)) return refuse(request, reply, 'Unknown person.');
      const { personName, ...resolved } = await resolveRelationship(actor, actor.authorityId, personId);
      let relationship: Relationship = resolved;
      let breakGlassReason: string | null = null;
      if (!relationshipAllows(permission, actor.role, relationship) && relationship.kind !== 'none') {
        const reason = mayBreakGlass(permission, actor.role)
          ? await breakGlassReasonFor(db, actor, personId)
          : null;
        if (reason) {
          relationship = { kind: 'break_glass', powers: [] };
          breakGlassReason = reason;
        }
      }
      if (!relationshipAllows(permission, actor.role, relationship)) {
        await inTenant(db, actor.authorityId, (tx) =>
          recordAudit(tx, {
            actor,
            authorityId: actor.authorityId!,
            personId: relationship.kind === 'none' ? null : personId,
            action: 'access.refuse',
            route,
            outcome: 'denied',
            detail: relationship.kind === 'none' ? { permission, personId } : { permission },
          }),
        );
        const canBreakGlass = relationship.kind !== 'none' && mayBreakGlass(permission, actor.role);
        if (canBreakGlass && !isApiRequest(request) && request.method === 'GET') {
          return reply.redirect(
            `/people/${personId}/break-glass?next=${encodeURIComponent(request.url)}`,
            303,
          );
        }
        return refuse(
          request,
          reply,
          canBreakGlass
            ? 'You are not allocated to this person. To open the record you must give a reason (break glass).'
            : undefined,
        );
      }
      request.access = {
        kind: 'person',
        actor,
        authorityId: actor.authorityId,
        personId,
        permission,
        relationship,
        breakGlassReason,
        route,
        ...(personName === undefined ? {} : { personName }),
      };
    });
  },
  { name: 'access-guard' },
);

/**
 * A further permission a service needs for part of an allowed request (a `case.write` that
 * would change the allocation needs `access.grant`), decided by the same policy as the route.
 * A refusal is audited in its own transaction (the work's would roll back with it; in a page
 * view, by the request's audit unit whatever becomes of the page) as
 * `access.grant.refuse` (or `access.refuse`) with the permission and what was asked in its detail, and answered 403 with the policy's reason.
 */
export async function requirePersonPermission(
  db: Db,
  access: PersonAccess,
  permission: PersonPermission,
  what: string,
): Promise<void> {
  if (relationshipAllows(permission, access.actor.role, access.relationship)) return;
  const refusal: AuditEntry = {
    actor: access.actor,
    authorityId: access.authorityId,
    personId: access.personId,
    action: permission === 'access.grant' ? 'access.grant.refuse' : 'access.refuse',
    route: access.route,
    outcome: 'denied',
    reason: access.breakGlassReason,
    detail: { permission, what },
  };
  // In a page view the request's transaction rolls back with the refusal: its audit unit
  // writes the row whatever happens to the page.
  const unit = currentAuditUnit();
  if (unit && besideRequestTransaction(db)) unit.keep(refusal);
  else await inTenant(db, access.authorityId, (tx) => recordAudit(tx, refusal));
  throw Problem.forbidden(refusalFor(permission, access.relationship));
}

const STATIC_PREFIXES = ['/assets/', '/govuk/', '/public/'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function authenticate(db: Db, request: FastifyRequest): Promise<Actor | null> {
  if (isApiRequest(request)) {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    return match ? actorFromApiToken(db, match[1]!) : null;
  }
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? actorFromSession(db, unsigned.value) : null;
}

async function breakGlassReasonFor(db: Db, actor: Actor, personId: string): Promise<string | null> {
  const [grant] = await inTenant(db, actor.authorityId!, (tx) =>
    tx
      .select({ reason: breakGlassGrants.reason })
      .from(breakGlassGrants)
      .where(
        and(
          eq(breakGlassGrants.userId, actor.userId),
          eq(breakGlassGrants.personId, personId),
          gt(breakGlassGrants.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(breakGlassGrants.createdAt))
      .limit(1),
  );
  return grant?.reason ?? null;
}

function unauthenticated(request: FastifyRequest, reply: FastifyReply) {
  if (isApiRequest(request)) {
    throw new Problem(
      401,
      'Sign in needed',
      'Send a bearer token from POST /api/v1/auth/token.',
      [],
      UNAUTHENTICATED_TYPE,
    );
  }
  return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
}

function refuse(_request: FastifyRequest, _reply: FastifyReply, detail?: string): never {
  throw new Problem(
    403,
    'You do not have access',
    detail ?? 'You do not have access to this.',
    [],
    FORBIDDEN_TYPE,
  );
}

export type { Relationship };
