import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';
import { demoPersonId, type TestApp, testApp } from '../../../test/support/app.ts';

let t: TestApp;
let morag: string;
const cookieOf = async (email: string) => {
  const [user] = await rows<{ id: string }>(t.database.db, sql`select id from users where email = ${email}`);
  return `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
};

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
}, 120_000);
afterAll(() => t?.close());

describe('who has looked', () => {
  it('shows one page visit once, in plain words, and opening a form as a read', async () => {
    const worker = await cookieOf('worker@demo.selfdirect.test');
    expect((await t.app.inject({ url: `/people/${morag}`, headers: { cookie: worker } })).statusCode).toBe(
      200,
    );
    const form = await t.app.inject({ url: `/people/${morag}/edit/contact`, headers: { cookie: worker } });
    expect(form.statusCode).toBe(200);

    const person = await cookieOf('person@demo.selfdirect.test');
    const page = await t.app.inject({ url: `/people/${morag}/who-looked`, headers: { cookie: person } });
    expect(page.statusCode).toBe(200);
    const cells = [...page.body.matchAll(/<td class="govuk-table__cell"[^>]*>([^<]*(?:<br>)?)/g)].map(
      (m) => m[1],
    );
    const said = cells.join('\n');
    // Newest first: the form, then the record page with its outcomes folded into the same row.
    expect(said).toContain('looked at your record to change it');
    expect(said).toContain('looked at your record, and also looked at what matters to you');
    expect(said.match(/looked at your record, and also/g)?.length).toBe(1);
    expect(said).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/); // no codes such as budget.read
    expect(said).not.toContain('changed');
    expect(said).not.toContain('updated the record');
  });

  it('shows the audit search in plain words', async () => {
    const manager = await cookieOf('manager@demo.selfdirect.test');
    const page = await t.app.inject({ url: `/audit?personId=${morag}`, headers: { cookie: manager } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('looked at your record');
    expect(page.body).not.toMatch(/>(record\.read|case\.write|audit\.own)[^<]*</);
  });
});
