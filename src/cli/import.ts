import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { loadConfig } from '../config.ts';
import { importServices } from '../features/imports/index.ts';
import type { CouncilAccess } from '../platform/auth/access.ts';
import type { Role } from '../platform/auth/roles.ts';
import type { openDatabase } from '../platform/db/client.ts';
import { rows } from '../platform/db/transaction.ts';

type WithDatabase = (
  work: (
    database: Awaited<ReturnType<typeof openDatabase>>,
    config: ReturnType<typeof loadConfig>,
  ) => Promise<void>,
) => Promise<void>;

/**
 * `selfdirect import --dry-run|--commit DIR --council CODE --as EMAIL`: the CSV files in DIR
 * (named as their templates: people.csv, …) checked, and with --commit imported when there is
 * no problem, as the named administrator of the council (the audit row names them). Prints
 * progress per file, then every problem (file, row, column, message); exits 1 on any problem.
 */
export async function runImport(args: string[], withDatabase: WithDatabase): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' },
      commit: { type: 'boolean' },
      council: { type: 'string' },
      as: { type: 'string' },
    },
    strict: true,
  });
  const dir = positionals[0];
  if (!dir || values['dry-run'] === values.commit || !values.council || !values.as) {
    console.error('Usage: selfdirect import --dry-run|--commit DIR --council CODE --as ADMIN-EMAIL');
    process.exitCode = 2;
    return;
  }
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  await withDatabase(async (database) => {
    const [admin] = await rows<{
      id: string;
      authority_id: string;
      role: Role;
      display_name: string;
      email: string;
      team_id: string | null;
    }>(
      database.db,
      sql`select u.id, u.authority_id, u.role, u.display_name, u.email, u.team_id from users u
          join authorities a on a.id = u.authority_id
          where a.code = ${values.council} and lower(u.email) = lower(${values.as}) and u.active`,
    );
    if (admin?.role !== 'admin') {
      console.error(
        `selfdirect: ${values.as} is not an active administrator of the council “${values.council}”`,
      );
      process.exitCode = 2;
      return;
    }
    const access: CouncilAccess = {
      kind: 'council',
      actor: {
        userId: admin.id,
        authorityId: admin.authority_id,
        role: admin.role,
        teamId: admin.team_id,
        displayName: admin.display_name,
        email: admin.email,
        via: 'token',
        credentialHash: 'command-line',
      },
      authorityId: admin.authority_id,
      permission: 'caseload.import',
      route: 'selfdirect import',
    };
    const imports = importServices(database.db);
    const progress = (message: string) => console.log(`  ${message}`);
    console.log(`Checking ${files.length} ${files.length === 1 ? 'file' : 'files'} in ${dir}.`);
    const report = await imports.dryRun(access, files, progress);
    for (const p of report.problems)
      console.log(
        `${p.file}${p.row === null ? '' : `, row ${p.row}`}${p.column ? `, ${p.column}` : ''}: ${p.message}`,
      );
    if (report.problems.length) {
      console.log(`${report.problems.length} problems: nothing imported (import ${report.id}).`);
      process.exitCode = 1;
      return;
    }
    for (const c of report.counts)
      console.log(`${c.file}: ${c.rows} rows, ${c.new} new, ${c.alreadyImported} imported before`);
    if (!values.commit) {
      console.log(
        `No problems. Import ${report.id} is ready: run again with --commit, or commit it at /admin/import/${report.id}.`,
      );
      return;
    }
    const result = await imports.commit(access, report.id, progress);
    if (result.status !== 'committed') {
      for (const p of result.problems)
        console.log(
          `${p.file}${p.row === null ? '' : `, row ${p.row}`}${p.column ? `, ${p.column}` : ''}: ${p.message}`,
        );
      console.log('The records changed while checking: nothing imported.');
      process.exitCode = 1;
      return;
    }
    console.log(`Imported: ${result.written} rows written (import ${result.id}).`);
  });
}
