import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, type TestApp, testApp } from '../../../test/support/app.ts';
import { rows } from '../../platform/db/transaction.ts';
import { caseloadBudgets, caseloadFiles, withCell } from './caseload.fixtures.ts';

/**
 * Issue 15 item 5, the money files: budgets.csv beside the people. A dry run names each bad
 * budget row (file, row, column), the corrected files commit in one transaction, the person's
 * budget reads back through the API explained as imported from the old system's reference, and
 * the same files again write nothing.
 */
let t: TestApp;
let admin: string;
let worker: string;
const suffix = randomUUID().slice(0, 8);
const prefix = `M${suffix}`;

type Files = Record<string, string>;

function multipart(files: Files) {
  const boundary = `----selfdirect${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(files))
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
      ),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function dryRun(files: Files) {
  const body = multipart(files);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...bearer(admin), 'content-type': body.contentType },
    payload: body.payload,
  });
}
const commit = (importId: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/imports/${importId}/commit`, headers: bearer(admin) });

const TABLES = ['people', 'person_budgets', 'budget_funding_streams', 'import_references'];
async function counts() {
  const found: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.raw(table)} where authority_id = ${t.authorityId}`,
    );
    found[table] = row!.n;
  }
  return found;
}

const files = (): Files => ({
  ...caseloadFiles({ prefix, count: 12, workerEmail: 'worker@demo.selfdirect.test', chiOffset: 700 }),
  'budgets.csv': caseloadBudgets({ prefix, count: 12 }),
});

beforeAll(async () => {
  t = await testApp();
  admin = await apiToken(t.app, 'admin');
  worker = await apiToken(t.app, 'worker');
}, 120_000);
afterAll(async () => t?.close());

describe('caseload import: current budgets', () => {
  it('reports bad budget rows, commits the corrected files, shows the imported budget explained by its old reference, and writes nothing again', async () => {
    const before = await counts();
    const good = files();
    let budgets = good['budgets.csv']!;
    budgets = withCell(budgets, 1, 'weekly_amount', '1e20');
    budgets = withCell(budgets, 2, 'start_date', '2026-02-30');
    budgets = withCell(budgets, 3, 'funding_stream', 'gardening_fund');
    budgets = withCell(budgets, 4, 'person_reference', 'NOBODY-1');
    budgets = withCell(budgets, 5, 'weekly_amount', '-20.00');
    budgets = withCell(budgets, 6, 'policy_version', 'Budget policy 1999');
    const checked = await dryRun({ ...good, 'budgets.csv': budgets });
    expect(checked.statusCode).toBe(201);
    const report = checked.json();
    expect(report.canCommit).toBe(false);
    expect(
      report.problems.map((p: { file: string; row: number; column: string }) => [p.file, p.row, p.column]),
    ).toEqual([
      ['budgets.csv', 1, 'weekly_amount'],
      ['budgets.csv', 2, 'start_date'],
      ['budgets.csv', 3, 'funding_stream'],
      ['budgets.csv', 4, 'person_reference'],
      ['budgets.csv', 5, 'weekly_amount'],
      ['budgets.csv', 6, 'policy_version'],
    ]);
    const messages = report.problems.map((p: { message: string }) => p.message);
    expect(messages[0]).toContain('not an amount in pounds');
    expect(messages[1]).toContain('not a real date');
    expect(messages[2]).toContain('gardening_fund');
    expect(messages[3]).toContain('NOBODY-1');
    expect(messages[4]).toContain('more than £0.00');
    expect((await commit(report.id)).statusCode).toBe(409);
    expect(await counts()).toEqual(before);

    const fixed = (await dryRun(good)).json();
    expect(fixed).toMatchObject({ problems: [], canCommit: true });
    const committed = (await commit(fixed.id)).json();
    expect(committed.status).toBe('committed');
    expect(committed.counts.find((c: { file: string }) => c.file === 'budgets.csv')).toMatchObject({
      rows: 6,
      new: 6,
    });
    const after = await counts();
    expect(after.person_budgets).toBe(before.person_budgets! + 6);
    expect(after.budget_funding_streams).toBe(before.budget_funding_streams! + 6);

    // Person 6: £107.50 a week, paid by health, explained as imported under its old reference.
    const [person] = await rows<{ id: string }>(
      t.database.db,
      sql`select target_id as id from import_references
          where authority_id = ${t.authorityId} and kind = 'person' and reference = ${`${prefix}-P6`}`,
    );
    const read = await t.app.inject({ url: `/api/v1/people/${person!.id}/budget`, headers: bearer(worker) });
    expect(read.statusCode).toBe(200);
    const current = read.json().current;
    expect(current).toMatchObject({ kind: 'agreed', status: 'current', weeklyAmount: 10_750 });
    expect(current.explanation.total).toBe(10_750);
    expect(current.explanation.lines).toEqual([
      expect.objectContaining({
        label: `Imported from the council’s previous system reference ${prefix}-B6`,
        amount: 10_750,
      }),
    ]);
    expect(JSON.stringify(current)).toContain('health');

    // The same files again: nothing new, nothing written.
    const again = (await dryRun(good)).json();
    expect(again.counts.every((c: { new: number }) => c.new === 0)).toBe(true);
    expect((await commit(again.id)).json()).toMatchObject({ status: 'committed', written: 0 });
    expect(await counts()).toEqual(after);
  }, 120_000);

  it('refuses a second budget for the same person in the file, writing nothing', async () => {
    const before = await counts();
    const other = `Q${suffix}`;
    const people = caseloadFiles({ prefix: other, count: 4, chi: false })['people.csv'];
    const budgets = withCell(
      caseloadBudgets({ prefix: other, count: 4 }),
      2,
      'person_reference',
      `${other}-P2`,
    );
    const report = (await dryRun({ 'people.csv': people, 'budgets.csv': budgets })).json();
    expect(report.canCommit).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'budgets.csv', row: 2, column: 'person_reference' }),
    ]);
    expect((await commit(report.id)).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });
});
