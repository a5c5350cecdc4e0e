import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetEasyRead, easyReadInput } from '../../src/features/budgets/easy-read.ts';
import { contributionEasyRead } from '../../src/features/charging/easy-read.ts';
import { eligibilityEasyRead } from '../../src/features/eligibility/easy-read.ts';
import { optionsEasyRead } from '../../src/features/plans/options/easy-read.ts';
import { planEasyRead } from '../../src/features/plans/plan/easy-read.ts';
import { buildServices } from '../../src/features/services.ts';
import type { PersonAccess } from '../../src/platform/auth/access.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { easyReadProblems } from '../../src/platform/easy-read/index.ts';
import { type TestApp, testApp } from '../support/app.ts';

// Every Easy Read text the demo council's people would read keeps the Easy Read rules
// (platform/easy-read/rules.ts): their own words, their budgets, decisions, options and plans,
// read through the same services the pages use.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('Easy Read for every demo person', () => {
  it('keeps its rules on the budget, eligibility, options and plan pages and the contribution letter of everyone in the demo council', async () => {
    const services = buildServices({ db: t.database.db, config: t.config });
    const [worker] = await rows<{ id: string; team_id: string | null; display_name: string; email: string }>(
      t.database.db,
      sql`select id, team_id, display_name, email from users where email = 'worker@demo.selfdirect.test'`,
    );
    const people = await rows<{ id: string; legal_name: string }>(
      t.database.db,
      sql`select id, legal_name from people where authority_id = ${t.authorityId} order by legal_name`,
    );
    expect(people.length).toBeGreaterThan(20);
    let pages = 0;
    let letters = 0;
    for (const person of people) {
      const access: PersonAccess = {
        kind: 'person',
        actor: {
          userId: worker!.id,
          authorityId: t.authorityId,
          role: 'worker',
          teamId: worker!.team_id,
          displayName: worker!.display_name,
          email: worker!.email,
          via: 'session',
          credentialHash: 'test',
        },
        authorityId: t.authorityId,
        personId: person.id,
        permission: 'record.read',
        relationship: { kind: 'allocated_worker', powers: [] },
        breakGlassReason: null,
        route: '/people/:personId/budget/easy-read',
      };
      const budget = await services.budgets.record(access);
      const eligibility = await services.eligibility.record(access);
      const options = await services.plans.options(access);
      const plan = await services.plans.overview(access);
      const charging = await services.charging.record(access);
      const contribution =
        charging.assessment && charging.policy
          ? contributionEasyRead({
              personName: person.legal_name,
              today: '2026-12-02',
              effectiveFrom: charging.assessment.effectiveFrom,
              weeklyContribution: charging.assessment.weeklyContribution,
              lines: charging.assessment.result.explanation.lines,
              policyVersion: charging.assessment.result.policyVersion,
              contributionMethod: charging.policy.contributionMethod,
            })
          : null;
      if (contribution) {
        expect(easyReadProblems(contribution), `${person.legal_name}: contribution`).toEqual([]);
        letters += 1;
      }
      for (const [what, lines] of [
        ['budget', budgetEasyRead(easyReadInput(budget))],
        ['eligibility', eligibilityEasyRead({ decision: eligibility.decisions[0] ?? null })],
        ['options', optionsEasyRead(options)],
        ['plan', planEasyRead(plan)],
      ] as const) {
        expect(easyReadProblems(lines), `${person.legal_name}: ${what}`).toEqual([]);
        pages += 1;
      }
    }
    expect(pages).toBe(people.length * 4);
    expect(letters).toBeGreaterThan(0);
  }, 240_000);
});
