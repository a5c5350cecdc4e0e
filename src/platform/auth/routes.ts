import type { FastifyRequest } from 'fastify';
import type { CouncilAccess, PersonAccess, PlatformAccess } from './access.ts';
import type { Actor } from './actor.ts';
import type { RouteAccess } from './guard.ts';
import type { AuthorityPermission, PersonPermission, PlatformPermission } from './policy.ts';
import { isPersonPermission } from './policy.ts';
import { Problem } from '../http/problem.ts';

/**
 * Typed access for route handlers. A route declares what it needs with one of the
 * declarations (they set `config.access` exactly as the guard, the route table and the
 * access-matrix test read it); its handler takes the guard's decision, typed, from one of
 * the readers:
 *
 *   app.get<PersonRoute>('/people/:personId/budget', personRoute('record.read'), async (request, reply) => {
 *     const access = personAccess(request); // PersonAccess: actor, personId, relationship
 *     const record = await services.budgets.record(access);
 *     return reply.render('budgets/views/budget.njk', { ...record, ...budgetPolicies(access) });
 *   });
 *
 * Fastify keeps typing params, body and querystring (route generics or the Zod type provider);
 * nothing here casts. A reader that finds no decision of its kind (a route declared for the
 * council read as a person's, a handler reached without the guard) is a programming error:
 * it refuses (403, logged as an error) and never lets the handler go on.
 */

type Declared = { config: { access: RouteAccess } };

/** What the readers look at on a request: any Fastify request, whatever its params, body and schema. */
export interface GuardedRequest {
  access: FastifyRequest['access'];
  actor: FastifyRequest['actor'];
  method: string;
  routeOptions: { url?: string | undefined; config?: { access?: RouteAccess | undefined } | undefined };
  log: { error(details: object, message: string): void };
}

/** Anyone, signed in or not. */
export const publicRoute = (): Declared => ({ config: { access: 'public' } });

/** Any signed-in account of a council; the handler reads the actor with `signedInActor`. */
export const signedInRoute = (): Declared => ({ config: { access: { permission: 'signed_in' } } });

/** A council-wide permission (case list, policies, staff); read with `councilAccess`. */
export const councilRoute = (permission: AuthorityPermission): Declared => ({
  config: { access: { permission } },
});

/**
 * A permission on one person's record, the person named by `:personId` (or `personParam`);
 * read with `personAccess`.
 */
export const personRoute = (
  permission: PersonPermission,
  options: { personParam?: string } = {},
): Declared => ({
  config: {
    access: options.personParam ? { permission, personParam: options.personParam } : { permission },
  },
});

/**
 * A platform permission (setting up councils), for the platform operator only: an account of
 * no council. Every council account is refused. Read with `operatorActor`.
 */
export const operatorRoute = (permission: PlatformPermission): Declared => ({
  config: { access: { permission } },
});

/** The guard's decision on this request's platform (operator) route. */
export function operatorAccess(request: GuardedRequest): PlatformAccess {
  const access = request.access;
  const declared = declaredPermission(request);
  if (access?.kind === 'platform' && declared !== undefined && access.permission === declared) return access;
  return missing(request, 'platform');
}

/** The operator behind this request's platform route. */
export function operatorActor(request: GuardedRequest): Actor {
  return operatorAccess(request).actor;
}

/** The guard's decision on this request's person-scoped route. */
export function personAccess(request: GuardedRequest): PersonAccess {
  const access = request.access;
  const declared = declaredPermission(request);
  if (access?.kind === 'person' && declared !== undefined && access.permission === declared) return access;
  return missing(request, 'person');
}

/** The guard's decision on this request's council-scoped (or signed-in) route. */
export function councilAccess(request: GuardedRequest): CouncilAccess {
  const access = request.access;
  const declared = declaredPermission(request);
  if (
    access?.kind === 'council' &&
    declared !== undefined &&
    !isPersonPermission(declared) &&
    access.permission === declared
  )
    return access;
  return missing(request, 'council');
}

/** The signed-in account on a route the guard let through for it (any declaration but public). */
export function signedInActor(request: GuardedRequest): Actor {
  const actor = request.actor;
  if (actor && request.access && request.access.actor === actor) return actor;
  return missing(request, 'signed-in');
}

function declaredPermission(request: GuardedRequest): string | undefined {
  const declared = request.routeOptions.config?.access;
  return declared && declared !== 'public' ? declared.permission : undefined;
}

function missing(request: GuardedRequest, kind: string): never {
  request.log.error(
    {
      route: `${request.method} ${request.routeOptions.url}`,
      wanted: kind,
      had: request.access?.kind ?? null,
    },
    'route handler reached without the access decision it reads: refused',
  );
  throw Problem.forbidden();
}
