import type { FastifyPluginAsync } from 'fastify';
import { may } from '../../platform/auth/access.ts';
import { type RelationshipKind, relationshipAllows } from '../../platform/auth/policy.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import { listConversations } from '../conversations/service.ts';
import { listOutcomes } from '../conversations/outcomes.ts';
import { byVoice } from '../conversations/attribution.ts';
import type { FeatureDeps } from '../index.ts';
import { summaryView } from './present.ts';
import { getPersonRecord, myPeople } from './service.ts';

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
export const myPages: FastifyPluginAsync<FeatureDeps> = async (app, { db }) => {
  app.get('/my', councilRoute('my.records'), async (request, reply) => {
    const access = councilAccess(request);
    const found = await myPeople(db, access);
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
      const record = await getPersonRecord(db, access);
      const outcomes = await listOutcomes(db, access);
      const conversations = await listConversations(db, access);
      const view = summaryView(record);
      const name = record.person.preferredName ?? record.person.legalName;
      const self = access.relationship.kind === 'self';
      const current = outcomes.outcomes.filter((o) => o.status !== 'ended');
      return reply.render('people/views/my-record.njk', {
        title: self ? 'My record' : `${name}’s record`,
        self,
        name,
        ...view,
        outcomes: current,
        ...byVoice(current, name),
        areas: Object.fromEntries(outcomes.areas.map((a) => [a.code, a.plainLabel])),
        // Only what the person said, in their own words: never a parent's or the worker's.
        ownWords: byVoice(
          conversations.flatMap((c) => c.sections.flatMap((s) => s.entries.filter((e) => e.ownWords))),
          name,
        ).own.slice(0, 6),
        mayWrite: may(access, 'own_words.write'),
        mayAudit: may(access, 'audit.own'),
        backLink: '/my',
      });
    },
  );
};
