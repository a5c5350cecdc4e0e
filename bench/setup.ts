import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { generateSynthetic } from '../src/cli/generate/index.ts';
import type { ScaleName } from '../src/cli/generate/scales.ts';
import { loadConfig } from '../src/config.ts';
import type { CouncilAccess } from '../src/platform/auth/access.ts';
import type { Actor } from '../src/platform/auth/actor.ts';
import type { AuthorityPermission } from '../src/platform/auth/policy.ts';
import { type Database, openDatabase } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { rows } from '../src/platform/db/transaction.ts';

export interface BenchDatabase {
  database: Database;
  authorityId: string;
  code: string;
  people: number;
  generatedNow: boolean;
  /** One staff account of each role in the synthetic council. */
  staff: Record<'worker' | 'manager' | 'finance' | 'financeApprover' | 'analyst' | 'admin', Actor>;
}

/**
 * The database to measure: PostgreSQL when DATABASE_URL is set, else PGlite under
 * DATA_DIR/bench (kept between runs, so the synthetic council is generated only once).
 */
export async function openBenchDatabase(options: {
  scale: ScaleName;
  seed: number;
  people?: number;
}): Promise<BenchDatabase> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'bench'),
  });
  await migrate(database);
  const generated = await generateSynthetic(database.db, {
    ...options,
    onProgress: (done, written) => {
      if (done % 5000 === 0) process.stderr.write(`  generating: ${done} people, ${written} rows\n`);
    },
  });
  if (generated.created)
    console.log(`Generated ${generated.code}: ${generated.rows} rows in ${generated.seconds.toFixed(1)} s.`);
  const [counted] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from people where authority_id = ${generated.authorityId}`,
  );
  const staffRows = await rows<{
    id: string;
    role: string;
    team_id: string | null;
    display_name: string;
    email: string;
  }>(
    database.db,
    sql`select distinct on (role) id, role, team_id, display_name, email from users
        where authority_id = ${generated.authorityId} order by role, email`,
  );
  // A payment run needs a second finance officer to approve it (two-person rule).
  const approver = await rows<(typeof staffRows)[number]>(
    database.db,
    sql`select id, 'financeApprover' as role, team_id, display_name, email from users
        where authority_id = ${generated.authorityId} and role = 'finance' order by email offset 1 limit 1`,
  );
  staffRows.push(...approver);
  const staff = Object.fromEntries(
    staffRows.map((u) => [
      u.role,
      {
        userId: u.id,
        authorityId: generated.authorityId,
        role: (u.role === 'financeApprover' ? 'finance' : u.role) as Actor['role'],
        teamId: u.team_id,
        displayName: u.display_name,
        email: u.email,
        via: 'token',
        credentialHash: 'bench',
      } satisfies Actor as Actor,
    ]),
  ) as BenchDatabase['staff'];
  return {
    database,
    authorityId: generated.authorityId,
    code: generated.code,
    people: counted!.n,
    generatedNow: generated.created,
    staff,
  };
}

/** What the guard would hand a service for a council-wide permission. */
export function councilAccess(actor: Actor, permission: AuthorityPermission, route: string): CouncilAccess {
  return { kind: 'council', actor, authorityId: actor.authorityId!, permission, route };
}
