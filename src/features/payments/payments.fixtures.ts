import { sql } from 'drizzle-orm';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/client.ts';
import { asSystem, rows } from '../../platform/db/transaction.ts';

/**
 * Test set-up only: a person with an agreed support plan whose option 1 lines cost the given
 * weekly amounts, written straight into the plans tables (as the plans feature would).
 */
export async function personWithAgreedPlan(
  db: Db,
  authorityId: string,
  name: string,
  weeklyCosts: number[],
): Promise<string> {
  return asSystem(db, async (tx) => {
    const [person] = await rows<{ id: string }>(
      tx,
      sql`insert into people (authority_id, legal_name, date_of_birth, client_group)
          values (${authorityId}, ${name}, '1980-01-01', 'physical_disability') returning id`,
    );
    const [plan] = await rows<{ id: string }>(
      tx,
      sql`insert into support_plans (authority_id, person_id, version, state, content, total_weekly)
          values (${authorityId}, ${person!.id}, 1, 'agreed', '{}'::jsonb, ${weeklyCosts.reduce((a, b) => a + b, 0)})
          returning id`,
    );
    for (const [i, cost] of weeklyCosts.entries()) {
      await tx.execute(
        sql`insert into support_plan_cost_lines
              (authority_id, plan_id, person_id, description, provider_kind, weekly_cost, funding_stream, sds_option)
            values (${authorityId}, ${plan!.id}, ${person!.id}, ${`Personal assistant hours ${i + 1}`}, 'personal_assistant', ${cost}, 'social_care', 1)`,
      );
    }
    return person!.id;
  });
}

export async function demoPersonId(db: Db): Promise<string> {
  const [row] = await asSystem(db, (tx) =>
    rows<{ id: string }>(tx, sql`select id from people where legal_name = 'Morag Campbell' limit 1`),
  );
  return row!.id;
}

export async function count(db: Db, table: string, where = sql`true`): Promise<number> {
  const [row] = await asSystem(db, (tx) =>
    rows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`),
  );
  return row!.n;
}

/**
 * Test set-up only: a finance officer's council access, as the guard would hand it to the
 * payment-run service, for the demo account with this e-mail.
 */
export async function financeAccess(db: Db, email: string, route: string): Promise<CouncilAccess> {
  const [user] = await asSystem(db, (tx) =>
    rows<{ id: string; authority_id: string; display_name: string }>(
      tx,
      sql`select id, authority_id, display_name from users where email = ${email} and role = 'finance'`,
    ),
  );
  if (!user) throw new Error(`no finance officer ${email}`);
  return {
    kind: 'council',
    authorityId: user.authority_id,
    permission: 'payments.run',
    route,
    actor: {
      userId: user.id,
      authorityId: user.authority_id,
      role: 'finance',
      teamId: null,
      displayName: user.display_name,
      email,
      via: 'token',
      credentialHash: 'test',
    },
  };
}
