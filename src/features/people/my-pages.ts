import type { FastifyPluginAsync } from 'fastify';
import { asPermission, may } from '../../platform/auth/access.ts';
import { type RelationshipKind, relationshipAllows } from '../../platform/auth/policy.ts';
import { councilAccess, councilRoute, personAccess, personRoute } from '../../platform/auth/routes.ts';
import type { PeopleDeps } from './deps.ts';
import { type SupportStatuses, supportHome } from './my-support.ts';
import { summaryView } from './summary-view.ts';

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
export const myPages: FastifyPluginAsync<PeopleDeps> = async (app, { services }) => {
  const { people } = services;

  /**
   * With exactly one record (the person themself, a representative for one person) the
   * account goes straight to that record's home (or a provider to its service view): a
   * chooser with one choice is a click for nothing. Several records: the list.
   */
  app.get('/my', councilRoute('my.records'), async (request, reply) => {
    const access = councilAccess(request);
    const found = (await people.mine(access)).map((p) => {
      const relationship = { kind: p.kind as RelationshipKind, powers: p.powers };
      const allows = (permission: 'support.home' | 'service.read') =>
        relationshipAllows(permission, access.actor.role, relationship);
      const href = allows('support.home')
        ? `/my/${p.id}`
        : allows('service.read')
          ? `/my/${p.id}/service`
          : null;
      return { ...p, why: WHY[p.kind] ?? '', href };
    });
    const [only] = found;
    if (found.length === 1 && only?.href) return reply.redirect(only.href, 303);
    return reply.render('people/views/my.njk', { title: 'My support', people: found });
  });

  /**
   * "My support": every part of the record this viewer may open, each with a short status.
   * One transaction (the request's), each part read once and only with an access the policy
   * gives this viewer for it; the reads are set-based per part (no read per outcome or line).
   */
  app.get<{ Params: { personId: string } }>(
    '/my/:personId',
    personRoute('support.home'),
    async (request, reply) => {
      const access = personAccess(request);
      const { name } = await people.header(access, 'support_home.read');
      const self = access.relationship.kind === 'self';
      const statuses: SupportStatuses = {};
      const read = asPermission(access, 'record.read');
      if (read) {
        const outcomes = await services.conversations.outcomes(read);
        const current = outcomes.outcomes.filter((o) => o.status !== 'ended');
        statuses.outcomes = current.length;
        const conversations = await services.conversations.list(read);
        statuses.ownWords = conversations
          .flatMap((c) => c.sections.flatMap((s) => s.entries))
          .filter((e) => e.ownWords && e.saidBy === 'person').length;
        const [decision] = (await services.eligibility.record(read)).decisions;
        statuses.eligibility = decision
          ? { decidedOn: decision.decidedOn, eligible: decision.eligible }
          : null;
        const budget = (await services.budgets.record(read)).current;
        statuses.budget = budget
          ? { weeklyAmount: budget.weeklyAmount, agreed: budget.kind === 'agreed' }
          : null;
        const options = await services.plans.options(read);
        statuses.options = {
          outcomes: options.outcomes.length,
          chosen: options.outcomes.filter((o) => o.current).length,
        };
        const { plan } = await services.plans.overview(read);
        statuses.plan = plan ? { state: plan.state, decidedOn: plan.decidedOn } : null;
      }
      const money = asPermission(access, 'money.read');
      if (money) {
        const { agreement } = await services.payments.forPerson(money);
        statuses.payment = agreement
          ? { amountPerPeriod: agreement.amountPerPeriod, frequencyLabel: agreement.frequencyLabel }
          : null;
        const { assessment } = await services.charging.record(money);
        statuses.contribution = assessment ? { weeklyContribution: assessment.weeklyContribution } : null;
      }
      return reply.render('people/views/my-support.njk', {
        title: self ? 'My support' : `${name}’s support`,
        self,
        name,
        sections: supportHome({
          personId: access.personId,
          name,
          self,
          allowed: (permission) => may(access, permission),
          statuses,
        }),
      });
    },
  );

  /** About the person and who helps them: the details the record holds, in plain words. */
  app.get<{ Params: { personId: string } }>(
    '/my/:personId/about',
    personRoute('record.read'),
    async (request, reply) => {
      const access = personAccess(request);
      const record = await people.record(access);
      const view = summaryView(record);
      const name = record.person.preferredName ?? record.person.legalName;
      const self = access.relationship.kind === 'self';
      return reply.render('people/views/my-record.njk', {
        title: self ? 'About me' : `About ${name}`,
        self,
        name,
        ...view,
      });
    },
  );
};
