/**
 * Which council a page speaks for. Never "the first council in the table":
 *  - a signed-in account's pages name the account's own council (it comes with the actor);
 *  - a public page names the council its address names, `/c/{code}/…`;
 *  - the older public addresses (`/`, `/privacy`, …) send a single-council install to its
 *    council's address, and ask which council when there are several.
 */
import { asc, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ActorCouncil } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { authorities } from '../db/schema.ts';
import { Problem } from '../http/problem.ts';

export type Council = ActorCouncil & { id: string };

/** The route parameter public council pages use. */
export const COUNCIL_PARAM = 'councilCode';

/** Council codes are short and URL-safe; anything else is not a council. */
const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The council a page not signed in to speaks for, when its address or the install names one. */
    council: Council | null;
  }
}

const columns = { id: authorities.id, code: authorities.code, name: authorities.name };

export async function councilByCode(db: Db, code: string): Promise<Council | null> {
  if (!CODE.test(code)) return null;
  const [row] = await db.select(columns).from(authorities).where(eq(authorities.code, code));
  return row ?? null;
}

/** Every council, by name: the "choose your council" list. */
export function allCouncils(db: Db): Promise<Council[]> {
  return db.select(columns).from(authorities).orderBy(asc(authorities.name));
}

/** The council of a single-council install; null when there are none or several. */
export async function soleCouncil(db: Db): Promise<Council | null> {
  const found = await db.select(columns).from(authorities).limit(2);
  return found.length === 1 ? found[0]! : null;
}

/** The council a `/c/{code}/…` page names, or 404. */
export async function requestedCouncil(db: Db, request: FastifyRequest): Promise<Council> {
  const code = (request.params as Record<string, string> | undefined)?.[COUNCIL_PARAM] ?? '';
  // The views hook has usually looked it up already for the layout.
  const council = request.council?.code === code ? request.council : await councilByCode(db, code);
  if (!council) throw Problem.notFound('Council');
  return council;
}

/**
 * The council an address without a code means: the signed-in account's own, else the only
 * council there is. Null when there are several and nobody said which.
 */
export async function impliedCouncil(db: Db, request: FastifyRequest): Promise<ActorCouncil | null> {
  // The views hook has already looked for the sole council of a request not signed in.
  return request.actor?.council ?? request.council ?? (await soleCouncil(db));
}

/**
 * The council a public API call means: the one it names by code (404 if none has it), else
 * the caller's own, else the only one; with several and none named, a 400 naming `council`.
 */
export async function namedCouncil(
  db: Db,
  request: FastifyRequest,
  code: string | undefined,
): Promise<Council> {
  if (code !== undefined) {
    const council = await councilByCode(db, code);
    if (!council) throw Problem.notFound('Council');
    return council;
  }
  const actor = request.actor;
  if (actor?.council && actor.authorityId) return { id: actor.authorityId, ...actor.council };
  const sole = await soleCouncil(db);
  if (sole) return sole;
  const codes = (await allCouncils(db)).map((c) => c.code).join(', ');
  throw Problem.invalid([{ field: 'council', message: `Say which council, by its code: one of ${codes}` }]);
}

/**
 * An older public address (`/privacy`): redirect to the council's own address when it is
 * clear which council is meant, else show the "choose your council" page.
 */
export async function toCouncilPage(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  suffix: string,
  title: string,
) {
  const council = await impliedCouncil(db, request);
  if (council) return reply.redirect(councilPath(council.code, suffix), 303);
  return reply.render('choose-council.njk', {
    title: 'Choose your council',
    pageTitle: title,
    councils: (await allCouncils(db)).map((c) => ({ name: c.name, href: councilPath(c.code, suffix) })),
  });
}

export function councilPath(code: string, suffix: string): string {
  return `/c/${encodeURIComponent(code)}${suffix}`;
}

/** The council lookups pages and the API make, bound to the database (src/features/services.ts). */
export const councilServices = (db: Db) => ({
  requested: (request: FastifyRequest) => requestedCouncil(db, request),
  named: (request: FastifyRequest, code: string | undefined) => namedCouncil(db, request, code),
  toCouncilPage: (request: FastifyRequest, reply: FastifyReply, suffix: string, title: string) =>
    toCouncilPage(db, request, reply, suffix, title),
});
