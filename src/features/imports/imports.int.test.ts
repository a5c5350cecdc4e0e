import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, type TestApp, testApp } from '../../../test/support/app.ts';
import { createApiToken } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';
import { caseloadFiles, chiFor, withCell } from './caseload.fixtures.ts';

/**
 * Issue 15 item 5: an administrator imports an existing caseload through the API — a dry run
 * reporting every problem (file, row, column), a commit in one transaction, a worker of the
 * council seeing the people while another council's staff see none, the same files again
 * changing nothing, and each refusal path writing nothing.
 */
let t: TestApp;
let admin: string;
let worker: string;
let otherWorker: string;
const suffix = randomUUID().slice(0, 8);
const SURNAME = `Imp${suffix.slice(0, 4)}`;

type Files = Record<string, string | Buffer>;

function multipart(files: Files) {
  const boundary = `----selfdirect${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, content] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function dryRun(files: Files, token = admin) {
  const body = multipart(files);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { ...bearer(token), 'content-type': body.contentType },
    payload: body.payload,
  });
}

const commit = (importId: string, token = admin) =>
  t.app.inject({ method: 'POST', url: `/api/v1/imports/${importId}/commit`, headers: bearer(token) });

async function count(table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where authority_id = ${t.authorityId}`,
  );
  return row!.n;
}

const TABLES = ['people', 'representatives', 'circle_members', 'personal_outcomes', 'import_references'];
const counts = async () =>
  Object.fromEntries(await Promise.all(TABLES.map(async (n) => [n, await count(n)])));

const files = () =>
  caseloadFiles({
    prefix: `T${suffix}`,
    count: 50,
    workerEmail: 'worker@demo.selfdirect.test',
    surnamePrefix: SURNAME,
  });

beforeAll(async () => {
  t = await testApp();
  admin = await apiToken(t.app, 'admin');
  worker = await apiToken(t.app, 'worker');
  // A second council with a worker of its own.
  const [council] = await rows<{ id: string }>(
    t.database.db,
    sql`insert into authorities (code, name, nation) values (${`other-${suffix}`}, 'Other Council', 'scotland') returning id`,
  );
  const [user] = await rows<{ id: string }>(
    t.database.db,
    sql`insert into users (authority_id, email, display_name, role)
        values (${council!.id}, ${`worker-${suffix}@other.example`}, 'Other worker', 'worker') returning id`,
  );
  otherWorker = (await createApiToken(t.database.db, user!.id)).token;
}, 120_000);
afterAll(async () => t?.close());

describe('caseload import', () => {
  it('reports three bad rows by file, row and column; commits the corrected files; a worker sees the people, another council does not; again changes nothing', async () => {
    const before = await counts();
    const good = files();
    const bad: Files = {
      ...good,
      'people.csv': withCell(
        withCell(good['people.csv'], 7, 'date_of_birth', '1970-02-30'),
        20,
        'chi_number',
        '1234567890',
      ),
      'outcomes.csv': withCell(good['outcomes.csv'], 12, 'area', 'gardening'),
    };
    const checked = await dryRun(bad);
    expect(checked.statusCode).toBe(201);
    const report = checked.json();
    expect(report.status).toBe('dry_run');
    expect(report.canCommit).toBe(false);
    expect(
      report.problems.map((p: { file: string; row: number; column: string }) => [p.file, p.row, p.column]),
    ).toEqual([
      ['people.csv', 7, 'date_of_birth'],
      ['people.csv', 20, 'chi_number'],
      ['outcomes.csv', 12, 'area'],
    ]);
    expect(report.problems[0].message).toContain('not a real date');
    expect(report.counts.find((c: { file: string }) => c.file === 'people.csv')).toMatchObject({
      rows: 50,
      new: 48,
      problems: 2,
    });
    expect(await counts()).toEqual(before);
    // A dry run with problems cannot be committed.
    expect((await commit(report.id)).statusCode).toBe(409);
    expect(await counts()).toEqual(before);

    const fixed = await dryRun(good);
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json()).toMatchObject({ problems: [], canCommit: true });
    const committed = await commit(fixed.json().id);
    expect(committed.statusCode).toBe(200);
    const result = committed.json();
    expect(result.status).toBe('committed');
    expect(result.counts.map((c: { file: string; new: number }) => [c.file, c.new])).toEqual([
      ['people.csv', 50],
      ['representatives.csv', 10],
      ['circle.csv', 12],
      ['outcomes.csv', 50],
    ]);
    expect(result.written).toBe(122);
    const after = await counts();
    expect(after.people).toBe(before.people + 50);
    expect(after.personal_outcomes).toBe(before.personal_outcomes + 50);
    expect(after.import_references).toBe(before.import_references + 122);
    // One audit row for the commit, with its counts, in plain words.
    const [audit] = await rows<{ detail: { written: number } }>(
      t.database.db,
      sql`select detail from audit_events where authority_id = ${t.authorityId} and action = 'caseload_import.commit'`,
    );
    expect(audit!.detail.written).toBe(122);

    // The council's worker sees them in the case list, and opens one they now hold.
    const list = await t.app.inject({
      url: `/api/v1/people?q=${SURNAME}&pageSize=100`,
      headers: bearer(worker),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(50);
    const first = list
      .json()
      .people.find((p: { legalName: string }) => p.legalName === `Calum ${SURNAME}Fraser`);
    const record = await t.app.inject({ url: `/api/v1/people/${first.id}`, headers: bearer(worker) });
    expect(record.statusCode).toBe(200);
    const outcomes = await t.app.inject({
      url: `/api/v1/people/${first.id}/outcomes`,
      headers: bearer(worker),
    });
    expect(outcomes.statusCode).toBe(200);
    expect(JSON.stringify(outcomes.json())).toContain('said \\"Calum\\"');
    // The other council's worker sees none of them, and cannot open one.
    const otherList = await t.app.inject({
      url: `/api/v1/people?q=${SURNAME}`,
      headers: bearer(otherWorker),
    });
    expect(otherList.statusCode).toBe(200);
    expect(otherList.json().total).toBe(0);
    expect([403, 404]).toContain(
      (await t.app.inject({ url: `/api/v1/people/${first.id}`, headers: bearer(otherWorker) })).statusCode,
    );

    // The same files again: everything imported before, nothing written.
    const again = await dryRun(good);
    expect(again.json().counts.every((c: { new: number }) => c.new === 0)).toBe(true);
    expect(again.json().counts[0].alreadyImported).toBe(50);
    const againCommitted = await commit(again.json().id);
    expect(againCommitted.json()).toMatchObject({ status: 'committed', written: 0 });
    expect(await counts()).toEqual(after);
    // A committed import is not committed twice.
    expect((await commit(fixed.json().id)).statusCode).toBe(409);
  }, 120_000);

  describe('refusals: each reports the problem and writes nothing', () => {
    const refusals: [
      string,
      () => Promise<Files>,
      { file: string; row: number | null; column: string | null },
    ][] = [
      [
        'a file not in UTF-8',
        async () => ({
          'people.csv': Buffer.from(`${files()['people.csv'].replace('Ailsa', 'Seán')}`, 'latin1'),
        }),
        { file: 'people.csv', row: null, column: null },
      ],
      [
        'a missing column',
        async () => ({
          'people.csv': files()['people.csv'].replace('date_of_birth', 'born'),
        }),
        { file: 'people.csv', row: null, column: 'date_of_birth' },
      ],
      [
        'a reference twice in the file',
        async () => ({
          'people.csv': withCell(files()['people.csv'], 3, 'person_reference', `T${suffix}-P1`),
        }),
        { file: 'people.csv', row: 3, column: 'person_reference' },
      ],
      [
        'a CHI number another person already has',
        async () => {
          const [held] = await rows<{ chi: string; dob: string }>(
            t.database.db,
            sql`select chi_number as chi, date_of_birth::text as dob from people
                where authority_id = ${t.authorityId} and chi_number is not null limit 1`,
          );
          const people = withCell(
            withCell(files()['people.csv'], 4, 'date_of_birth', held!.dob),
            4,
            'chi_number',
            held!.chi,
          );
          return { 'people.csv': people.replaceAll(`T${suffix}-P`, `N${suffix}-P`) };
        },
        { file: 'people.csv', row: 4, column: 'chi_number' },
      ],
      [
        'a date that does not exist',
        async () => ({
          'people.csv': files()['people.csv'].replaceAll(`T${suffix}-P`, `D${suffix}-P`),
          'representatives.csv': withCell(
            files()['representatives.csv'],
            2,
            'start_date',
            '2026-02-30',
          ).replaceAll(`T${suffix}-P`, `D${suffix}-P`),
        }),
        { file: 'representatives.csv', row: 2, column: 'start_date' },
      ],
      [
        'an outcome for a person in neither the files nor an earlier import',
        async () => ({
          'people.csv': files()['people.csv'].replaceAll(`T${suffix}-P`, `E${suffix}-P`),
          'outcomes.csv': withCell(files()['outcomes.csv'], 5, 'person_reference', 'NOBODY-1').replaceAll(
            `T${suffix}-O`,
            `E${suffix}-O`,
          ),
        }),
        { file: 'outcomes.csv', row: 5, column: 'person_reference' },
      ],
    ];
    for (const [what, make, expected] of refusals) {
      it(`refuses ${what}`, async () => {
        const before = await counts();
        const response = await dryRun(await make());
        expect(response.statusCode).toBe(201);
        const report = response.json();
        expect(report.canCommit).toBe(false);
        expect(report.problems).toContainEqual(expect.objectContaining(expected));
        expect((await commit(report.id)).statusCode).toBe(409);
        expect(await counts()).toEqual(before);
      });
    }
  });

  it('writes nothing when the records changed between the dry run and the commit', async () => {
    const people = caseloadFiles({ prefix: `X${suffix}`, count: 3, chiOffset: 500 })['people.csv'];
    const checked = (await dryRun({ 'people.csv': people })).json();
    expect(checked.canCommit).toBe(true);
    // Meanwhile a worker records someone with the second row's CHI number.
    const dateOfBirth = '1942-03-03';
    expect(chiFor(dateOfBirth, 502)).toBe(people.split('\r\n')[2]!.split(',')[4]);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: bearer(worker),
      payload: {
        legalName: 'Meanwhile Person',
        dateOfBirth,
        chiNumber: chiFor(dateOfBirth, 502),
        clientGroup: 'older_people',
      },
    });
    expect(added.statusCode).toBe(201);
    const before = await counts();
    const result = (await commit(checked.id)).json();
    expect(result.status).toBe('failed');
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'people.csv', row: 2, column: 'chi_number' }),
    );
    expect(await counts()).toEqual(before);
  });

  it('is for administrators only, and names the request’s field when no file is sent', async () => {
    expect((await dryRun(files(), worker)).statusCode).toBe(403);
    const empty = await dryRun({});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('files');
    expect(
      (await t.app.inject({ url: `/api/v1/imports/${randomUUID()}`, headers: bearer(admin) })).statusCode,
    ).toBe(404);
  });
});
