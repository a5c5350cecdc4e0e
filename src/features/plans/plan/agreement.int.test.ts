import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../../platform/dates.ts';
import { rows } from '../../../platform/db/transaction.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { createSession } from '../../../platform/auth/credentials.ts';
import { csrfFor } from '../../../../test/support/forms.ts';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../../test/support/app.ts';

/**
 * Agreement recorded for someone without an account, through the HTTP API: every refusal
 * answers with a field error and writes nothing (no row, no audit change row, no file, the
 * plan's token unchanged); a recorded agreement stands for the signature, and a manager then
 * agrees the plan as after any signature.
 */
let t: TestApp;
let dataDir: string;
let callum: string;
let nessie: string;
const tokens: Record<string, string> = {};
const today = todayInLondon();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A multipart/form-data body as a browser or API client sends it. */
function multipart(
  fields: Record<string, string | number>,
  file?: { name: string; type: string; bytes: Buffer },
) {
  const boundary = `----selfdirect${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="scan"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const plan = async (personId: string, role = 'worker') =>
  (await t.app.inject({ url: `/api/v1/people/${personId}/plan`, headers: bearer(tokens[role]!) })).json();

async function postAgreement(
  personId: string,
  fields: Record<string, string | number>,
  file?: { name: string; type: string; bytes: Buffer },
  role = 'worker',
) {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/people/${personId}/plan/agreement`,
    headers: { ...bearer(tokens[role]!), 'content-type': body.contentType },
    payload: body.payload,
  });
}

async function writtenState(personId: string) {
  const [state] = await rows<{ agreements: number; changes: number; token: number }>(
    t.database.db,
    sql`select (select count(*)::int from plan_agreements where person_id = ${personId}) as agreements,
               (select count(*)::int from audit_events where person_id = ${personId}
                  and action = 'plan.agreement.record') as changes,
               (select max(row_version) from support_plans where person_id = ${personId}) as token`,
  );
  const uploads = join(dataDir, 'uploads', t.authorityId);
  let files: string[] = [];
  try {
    files = readdirSync(uploads).filter((f) => f !== 'staged');
  } catch {}
  return { ...state!, files: files.length };
}

const fieldsOf = (response: { json(): unknown }) =>
  problem(response as never).errors?.map((e) => e.field) ?? [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'selfdirect-agreement-'));
  t = await testApp({ config: { dataDir } });
  const db = t.database.db;
  [{ id: callum }] = (await rows<{ id: string }>(
    db,
    sql`select person_id as id from person_relationships where kind = 'representative'`,
  )) as [{ id: string }];
  [{ id: nessie }] = (await rows<{ id: string }>(
    db,
    sql`select id from people where preferred_name = 'Nessie'`,
  )) as [{ id: string }];
  for (const role of ['person', 'representative', 'worker', 'manager'])
    tokens[role] = await apiToken(t.app, role);
  // Callum's grandmother acts for him, but without the power to sign his plan.
  await db.execute(sql`insert into representatives (authority_id, person_id, name, kind, powers, start_date)
    values (${t.authorityId}, ${callum}, 'Jean Reid', 'other', array['view_record', 'welfare_decisions'], '2020-01-01')`);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('recording how someone agreed their plan', () => {
  it('refuses every bad input with a field error and writes nothing', async () => {
    const shared = (await plan(callum)).plan;
    expect(shared.state).toBe('shared');
    const good = {
      rowVersion: shared.rowVersion,
      version: shared.version,
      way: 'paper',
      agreedOn: today,
      witnessName: 'Sam Lee',
      witnessRole: 'social worker',
    };
    const before = await writtenState(callum);
    const [jean] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from representatives where name = 'Jean Reid'`,
    );
    const cases: [string, Promise<{ statusCode: number; json(): unknown }>, number, string][] = [
      [
        'a text file named .pdf',
        postAgreement(callum, good, {
          name: 'scan.pdf',
          type: 'application/pdf',
          bytes: Buffer.from('not a pdf'),
        }),
        400,
        'scan',
      ],
      [
        'a file over 5 MB',
        postAgreement(callum, good, {
          name: 'big.pdf',
          type: 'application/pdf',
          bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
        }),
        400,
        'scan',
      ],
      [
        'a date in the future',
        postAgreement(callum, { ...good, agreedOn: addDays(today, 1) }),
        400,
        'agreedOn',
      ],
      [
        'a date before the plan was shared',
        postAgreement(callum, { ...good, agreedOn: addDays(today, -30) }),
        400,
        'agreedOn',
      ],
      ['not a date', postAgreement(callum, { ...good, agreedOn: '2026-02-30' }), 400, 'agreedOn'],
      [
        'a representative without the power to sign',
        postAgreement(callum, { ...good, way: 'representative', representativeId: jean!.id }),
        400,
        'representativeId',
      ],
      [
        'through a representative, naming none',
        postAgreement(callum, { ...good, way: 'representative' }),
        400,
        'representativeId',
      ],
      [
        'verbally with no witness',
        postAgreement(callum, { ...good, way: 'verbal', witnessName: '', witnessRole: '' }),
        400,
        'witnessName',
      ],
      ['an unknown way', postAgreement(callum, { ...good, way: 'telepathy' }), 400, 'way'],
      [
        'a version that was not shared',
        postAgreement(callum, { ...good, version: shared.version + 1 }),
        400,
        'version',
      ],
      [
        'a stale token',
        postAgreement(callum, { ...good, rowVersion: shared.rowVersion - 1 }),
        409,
        'rowVersion',
      ],
      ['a NUL character', postAgreement(callum, { ...good, notes: 'a\u0000b' }), 400, 'notes'],
    ];
    for (const [what, sent, status, field] of cases) {
      const response = await sent;
      expect(response.statusCode, what).toBe(status);
      expect(fieldsOf(response), what).toContain(field);
    }
    // JSON cannot carry the scan.
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${callum}/plan/agreement`,
      headers: bearer(tokens.worker!),
      payload: { ...good, scan: 'JVBERi0=' },
    });
    expect(json.statusCode).toBe(400);
    expect(fieldsOf(json)).toContain('scan');
    // The person and their representative sign from their own accounts; only those holding the case record.
    expect((await postAgreement(callum, good, undefined, 'representative')).statusCode).toBe(403);
    expect(await writtenState(callum)).toEqual(before);
  });

  it('on the page, refuses a scan that is too big or not a PDF, PNG or JPEG with the error summary, keeping nothing', async () => {
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'worker@demo.selfdirect.test'`,
    );
    const session = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
    const form = await t.app.inject({
      url: `/people/${callum}/plan/agreement`,
      headers: { cookie: session },
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const shared = (await plan(callum)).plan;
    const before = await writtenState(callum);
    const [y, m, d] = today.split('-');
    for (const [bytes, message] of [
      [Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]), 'smaller than 5 MB'],
      [Buffer.from('GIF89a not allowed'), 'must be a PDF, PNG or JPEG'],
    ] as const) {
      const { secret, token } = await csrfFor(t.app);
      const body = multipart(
        {
          _csrf: token,
          rowVersion: shared.rowVersion,
          version: shared.version,
          way: 'paper',
          'agreedOn-day': d!,
          'agreedOn-month': m!,
          'agreedOn-year': y!,
          witnessName: '',
          witnessRole: '',
          notes: '',
          _step: 'check',
        },
        { name: 'scan.jpg', type: 'image/jpeg', bytes },
      );
      const response = await t.app.inject({
        method: 'POST',
        url: `/people/${callum}/plan/agreement`,
        headers: { cookie: `${session}; _csrf=${secret}`, 'content-type': body.contentType },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain(message);
      expect(response.body).toContain('href="#scan"');
    }
    // Nothing staged either: the check page was never reached.
    let staged: string[] = [];
    try {
      staged = readdirSync(join(dataDir, 'uploads', t.authorityId, 'staged'));
    } catch {}
    expect(staged).toEqual([]);
    expect(await writtenState(callum)).toEqual(before);
  });

  it('records a paper agreement with its scan, says so on the plan, and lets a manager agree it', async () => {
    const shared = (await plan(callum)).plan;
    const response = await postAgreement(
      callum,
      {
        rowVersion: shared.rowVersion,
        version: shared.version,
        way: 'paper',
        agreedOn: today,
        witnessName: 'Sam Lee',
        witnessRole: 'social worker',
        notes: 'Signed at home with his mother.',
      },
      { name: 'signed.pdf', type: 'application/octet-stream', bytes: PDF },
    );
    expect(response.statusCode, response.body).toBe(201);
    const recorded = response.json();
    expect(recorded.plan.state).toBe('signed');
    expect(recorded.agreement.scan).toMatchObject({
      type: 'pdf',
      bytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const sentence = recorded.agreement.sentence as string;
    expect(sentence).toMatch(
      /^Callum .*agreed this plan on paper on .+\. Witnessed by Sam Lee, social worker\. A scanned copy is kept\.$/,
    );

    // Kept under the data directory, with its hash and size in the database; never under public/.
    const [row] = await rows<{ scan_key: string; scan_bytes: number }>(
      t.database.db,
      sql`select scan_key, scan_bytes from plan_agreements where person_id = ${callum}`,
    );
    expect(row!.scan_key).toMatch(new RegExp(`^uploads/${t.authorityId}/[0-9a-f-]{36}$`));
    expect(readdirSync(join(dataDir, 'uploads', t.authorityId))).toContain(row!.scan_key.split('/')[2]);

    // Read back, and downloaded through the audited route by those who may read the plan.
    const read = await t.app.inject({
      url: `/api/v1/people/${callum}/plan/agreement`,
      headers: bearer(tokens.representative!),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().witnessName).toBe('Sam Lee');
    const download = await t.app.inject({
      url: `/api/v1/people/${callum}/plan/agreement/scan`,
      headers: bearer(tokens.representative!),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where person_id = ${callum} and action = 'plan.agreement_scan.read'`,
    );
    expect(audit!.n).toBe(1);

    const view = await plan(callum);
    expect(view.howAgreed).toBe(sentence);
    // The person's side reads the same words on their own view of the plan, with the scan to download.
    const [mother] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'representative@demo.selfdirect.test'`,
    );
    const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, mother!.id))}`;
    const theirs = await t.app.inject({ url: `/my/${callum}/plan`, headers: { cookie } });
    // Callum reads Easy Read, so his side opens in Easy Read: it says how he agreed, in its own words.
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain('You signed your plan on paper on ');
    const standard = await t.app.inject({
      url: `/my/${callum}/plan?version=standard`,
      headers: { cookie },
    });
    expect(standard.body).toContain(sentence);
    expect(standard.body).toContain(`/my/${callum}/plan/agreement/scan?version=${view.plan.version}`);
    // A second recording of the same version is refused: it is no longer waiting to be agreed.
    const again = await postAgreement(callum, {
      rowVersion: view.plan.rowVersion,
      version: view.plan.version,
      way: 'paper',
      agreedOn: today,
    });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toContain('version');

    const submit = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${callum}/plan/submit`,
      headers: bearer(tokens.worker!),
      payload: { rowVersion: view.plan.rowVersion },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    const agree = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${callum}/plan/agree`,
      headers: bearer(tokens.manager!),
      payload: { rowVersion: submit.json().plan.rowVersion, overBudgetReason: 'Agreed for the test' },
    });
    expect(agree.statusCode, agree.body).toBe(200);
    expect(agree.json().plan.state).toBe('agreed');
    const pdf = await t.app.inject({
      url: `/api/v1/people/${callum}/plan/pdf`,
      headers: bearer(tokens.worker!),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain(sentence);
  });

  it('records agreement through a representative with the power to sign, as JSON with no scan', async () => {
    const db = t.database.db;
    await db.execute(sql`insert into representatives (authority_id, person_id, name, kind, powers, start_date)
      values (${t.authorityId}, ${nessie}, 'Douglas Thomson', 'welfare_power_of_attorney',
              array['view_record', 'welfare_decisions', 'sign_support_plan'], '2022-01-01')`);
    const [douglas] = await rows<{ id: string }>(
      db,
      sql`select id from representatives where name = 'Douglas Thomson'`,
    );
    const agreed = (await plan(nessie)).plan;
    const started = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${nessie}/plan/new-version`,
      headers: bearer(tokens.worker!),
      payload: { rowVersion: agreed.rowVersion },
    });
    expect(started.statusCode, started.body).toBe(201);
    // Not shared yet: the draft cannot be agreed.
    const draft = started.json();
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${nessie}/plan/agreement`,
      headers: bearer(tokens.worker!),
      payload: { rowVersion: draft.rowVersion, version: draft.version, way: 'paper', agreedOn: today },
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toContain('version');
    const shared = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${nessie}/plan/share`,
      headers: bearer(tokens.worker!),
      payload: { rowVersion: draft.rowVersion },
    });
    expect(shared.statusCode, shared.body).toBe(200);
    const plan2 = shared.json().plan;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${nessie}/plan/agreement`,
      headers: bearer(tokens.worker!),
      payload: {
        rowVersion: plan2.rowVersion,
        version: plan2.version,
        way: 'representative',
        representativeId: douglas!.id,
        agreedOn: today,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().agreement).toMatchObject({ agreedByName: 'Douglas Thomson', scan: null });
    expect(response.json().agreement.sentence).toMatch(
      /^Douglas Thomson agreed this plan for Nessie, as their representative, on /,
    );
    expect(response.json().plan.signature).toMatchObject({ role: 'representative', way: 'representative' });
    const scan = await t.app.inject({
      url: `/api/v1/people/${nessie}/plan/agreement/scan`,
      headers: bearer(tokens.worker!),
    });
    expect(scan.statusCode).toBe(404);
  });
});
