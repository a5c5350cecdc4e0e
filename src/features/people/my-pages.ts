import type { FastifyPluginAsync } from 'fastify';
import { may } from '../../platform/auth/access.ts';
import { type RelationshipKind, relationshipAllows } from '../../platform/auth/policy.ts';
import type { PeopleDeps } from './deps.ts';
import { summaryView } from './summary-view.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';

/** Why this account can see someone, in plain words. */
const WHY: Record<string, string> = {
  self: 'This is you.',
  representative: 'You act for them.',
  circle_member: 'They asked you to help.',
  advocate: 'You are their advocate.',
  support_organisation: 'You help with their direct payment.',
  provider: 'You give them support.',
};

/** Citizen pages: plain words, short lines, big headings (Easy Read friendly). */
export const myPages: FastifyPluginAsync<PeopleDeps> = async (
  app,
  { db, services: { people }, recordOutcomes, ownWordsOf },
) => {
  app.get('/my', councilRoute('my.records'), async (request, reply) => {
    const access = councilAccess(request);
    const found = await people.mine(access);
    return reply.render('people/views/my.njk', {
      title: 'My support',
      // Whoever may not read the record (a provider) opens its own view of the person.
      people: found.map((p) => {
        const relationship = { kind: p.kind as RelationshipKind, powers: p.powers };
        const may = (permission: 'record.read' | 'service.read') =>
          relationshipAllows(permission, access.actor.role, relationship);
        const href = may('record.read') ? `/my/${p.id}` : may('service.read') ? `/my/${p.id}/service` : null;
        return { ...p, why: WHY[p.kind] ?? '', href };
      }),
    });
  });

  app.get<{ Params: { personId: string } }>(
    '/my/:personId',
    personRoute('record.read'),
    async (request, reply) => {
      const access = personAccess(request);
      const record = await people.record(access);
      const view = summaryView(record);
      const name = record.person.preferredName ?? record.person.legalName;
      const { areas, ...outcomes } = await recordOutcomes(db, access, name);
      const ownWords = await ownWordsOf(db, access, name);
      const self = access.relationship.kind === 'self';
      return reply.render('people/views/my-record.njk', {
        title: self ? 'My record' : `${name}’s record`,
        self,
        name,
        ...view,
        ...outcomes,
        areas: Object.fromEntries(areas.map((a) => [a.code, a.plainLabel])),
        // Only what the person said, in their own words: never a parent's or the worker's.
        ownWords,
        mayWrite: may(access, 'own_words.write'),
        mayAudit: may(access, 'audit.own'),
        backLink: '/my',
      });
    },
  );
};
