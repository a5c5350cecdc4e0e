import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';
import { formatPence } from '../../platform/money/index.ts';
import { demoPersonId, type TestApp, testApp } from '../../../test/support/app.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';

/**
 * The subject access copy reads as a document written for the person: a heading for every
 * section, money in pounds, dates in words, and no internal values (ids, ciphertext, raw
 * pence, flattened JSON) — on the page, in the PDF, and (secrets only) in the JSON.
 */
let t: TestApp;
let morag: string;
let cookie: string;
let page: string;
let pdf: string;
let json: unknown;
let bank: { bank_details: string; account_last4: string };

/** The page's main content as text, one line per element. */
const textOf = (html: string) =>
  html
    .slice(html.indexOf('<main'), html.indexOf('</main>'))
    .replace(/<[^>]+>/g, '\n')
    .replace(
      /&#39;|&quot;|&amp;|&lt;|&gt;/g,
      (e) => ({ '&#39;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>' })[e]!,
    )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  const [user] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = 'person@demo.selfdirect.test'`,
  );
  cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
  [bank] = (await rows<{ bank_details: string; account_last4: string }>(
    t.database.db,
    sql`select bank_details, account_last4 from dp_agreements where person_id = ${morag}`,
  )) as [typeof bank];
  const get = (url: string) => t.app.inject({ url, headers: { cookie } });
  const html = await get(`/people/${morag}/export`);
  expect(html.statusCode).toBe(200);
  page = textOf(html.body);
  const file = await get(`/people/${morag}/export.pdf`);
  expect(file.statusCode).toBe(200);
  pdf = pdfText(file.rawPayload);
  const download = await get(`/people/${morag}/export.json`);
  expect(download.statusCode).toBe(200);
  json = JSON.parse(download.body);
}, 120_000);
afterAll(() => t?.close());

/** Written from what the demo holds about Morag, not from the code's heading table. */
const HEADINGS = [
  'Your details',
  'Your circle of support',
  'Conversations we have had with you',
  'What was said in your conversations',
  'What matters to you (your outcomes)',
  'Decisions about your support',
  'Your budget',
  'Your support plan',
  'What your support plan pays for',
  'Your direct payment agreement',
  'Direct payments made to you',
  'Your reports on how the money was spent',
  'Your financial assessment (what you pay)',
  'Who has looked at your record',
];

describe('the subject access copy', () => {
  it('has the demo’s bank details to hide (so the test can fail)', () => {
    expect(bank.bank_details).toMatch(/^v2:/);
  });

  for (const [form, text] of [
    ['page', () => page],
    ['PDF', () => pdf],
  ] as const) {
    it(`shows no ciphertext, ids or flattened JSON on the ${form}, and the bank account only by its last digits`, () => {
      const copy = text();
      expect(copy.length).toBeGreaterThan(2000);
      expect(copy).not.toContain(bank.bank_details);
      expect(copy).not.toContain(bank.bank_details.split(':')[1]!);
      expect(copy).not.toMatch(/v1:[A-Za-z0-9+/=]{8,}:/);
      expect(copy).toContain(`account ending ${bank.account_last4}`);
      expect(copy).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
      expect(copy).not.toContain(t.authorityId);
      expect(copy).not.toContain('{');
      expect(copy).not.toMatch(/"\w+"\s*:/);
      // "Lines: Rule: …; Label: …; Amount: …" is JSON flattened into a sentence.
      expect(copy).not.toMatch(/(\b[A-Z][a-z ]+: [^;\n|]+; ){2,}/);
      expect(copy).not.toMatch(/\b(Lines|Steps|Areas): /);
    });

    it(`shows money in pounds on the ${form}, never raw pence`, async () => {
      const copy = text();
      const [returned] = await rows<{ pa_wages: number; payments_in: number }>(
        t.database.db,
        sql`select pa_wages::int, payments_in::int from dp_returns where person_id = ${morag} limit 1`,
      );
      expect(returned!.pa_wages).toBeGreaterThan(999);
      expect(copy).toContain(formatPence(returned!.pa_wages));
      expect(copy).toContain(formatPence(returned!.payments_in));
      for (const pence of [returned!.pa_wages, returned!.payments_in]) {
        expect(copy.split('\n')).not.toContain(String(pence));
        expect(copy).not.toMatch(new RegExp(`\\b${pence}\\b`));
      }
    });

    it(`has a heading for every section on the ${form}`, () => {
      const copy = text().split('\n');
      for (const heading of HEADINGS) expect(copy, heading).toContain(heading);
      expect(text()).not.toMatch(/^(Dp|Sds|Person budgets|Ledger transfers|Support plan cost lines)\b/m);
    });
  }

  it('writes dates in words', () => {
    expect(page).toContain('14 March 1979');
    expect(pdf).toContain('14 March 1979');
    expect(page).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(pdf).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it('gives a JSON copy a computer can read, without the ciphertext or other secrets', () => {
    const body = JSON.stringify(json);
    expect(body).not.toContain(bank.bank_details);
    expect(body).not.toMatch(/"(bank_details|bankDetails|token_hash|password_hash|hash|prev_hash)"/);
    const copy = json as {
      person: Record<string, unknown>;
      sections: Record<string, Record<string, unknown>[]>;
      audit: { what: string }[];
    };
    expect(copy.person.legal_name).toBe('Morag Campbell');
    expect(copy.sections.dp_agreements?.[0]?.account_last4).toBe(bank.account_last4);
    expect(copy.audit.length).toBeGreaterThan(0);
    expect(copy.audit.every((e) => typeof e.what === 'string' && !e.what.includes('.'))).toBe(true);
  });
});
