import { sql } from 'drizzle-orm';
import { asSystem, inTenant, rows } from '../../platform/db/transaction.ts';
import type { BudgetLetterRecord } from './service.ts';
import { addBudgetVersion } from './versions.ts';
import type { TestApp } from '../../../test/support/app.ts';

/** Test arrangement: a demo person's id and their current outcome ids, read straight from the database. */
export async function demoPerson(t: TestApp, legalName: string) {
  const [person] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from people where legal_name = ${legalName}`,
  );
  const outcomes = await rows<{ id: string; personWords: string }>(
    t.database.db,
    sql`select id, person_words as "personWords" from personal_outcomes
        where person_id = ${person!.id} and status <> 'ended' order by priority, created_at`,
  );
  return { id: person!.id, outcomes };
}

export async function setCrisis(t: TestApp, personId: string, crisis: boolean) {
  await asSystem(t.database.db, (tx) =>
    tx.execute(
      sql`update people set crisis = ${crisis}, crisis_reason = ${crisis ? 'Main carer taken into hospital' : null} where id = ${personId}`,
    ),
  );
}

export async function budgetCount(t: TestApp, personId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from person_budgets where person_id = ${personId}`,
  );
  return row!.n;
}

/**
 * Test arrangement: an indicative budget of `weekly` pence a week, decided by the demo manager,
 * written straight through the budget versions (no explanation lines: the tests using it are
 * about a plan against its budget, not the budget's working).
 */
export async function setBudget(t: TestApp, personId: string, weekly: number, reason = 'Set by the test') {
  const [manager] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = 'manager@demo.selfdirect.test'`,
  );
  await inTenant(t.database.db, t.authorityId, (tx) =>
    addBudgetVersion(tx, {
      authorityId: t.authorityId,
      personId,
      kind: 'indicative',
      weeklyAmount: weekly,
      annualAmount: weekly * 52,
      explanation: { total: weekly, lines: [], notes: [] },
      reason,
      decidedBy: manager!.id,
    }),
  );
}

/** A budget comfortably above any demo plan (£1,000 a week), so a test about a plan's decision is not about its cost. */
export const generousBudget = (t: TestApp, personId: string) =>
  setBudget(t, personId, 100_000, 'Indicative budget for the browser test');

/** Test arrangement: a made-up person's budget record before any budget is worked out. */
export const emptyBudgetRecord = (personId: string, crisis = false): BudgetLetterRecord => ({
  person: {
    id: personId,
    name: 'Ailsa Fakename',
    legalName: 'Ailsa Fakename',
    crisis,
    crisisReason: null,
    communicationNeeds: [],
  },
  current: null,
  interim: null,
  versions: [],
  policy: null,
  outcomes: [],
  eligibility: null,
});
