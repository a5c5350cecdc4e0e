import { writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/platform/auth/credentials.ts';
import { formatDate, todayInLondon } from '../../src/platform/dates.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { apiToken, bearer, demoPersonId, type TestApp, testApp } from '../support/app.ts';
import { pdfTagging, pdfText } from '../support/pdf-text.ts';

/**
 * Every letter a person can be sent or print, read back out of the PDF as a screen reader or
 * a person holding it would: who it is from (the council's name and address), who it is to
 * (the person's name and address), the date, a reference to quote and who to contact, and
 * tagged so it can be read aloud (structure, language, title). Expectations come from the
 * demo data as stored, not from the code that prints it.
 */
let t: TestApp;
let morag: string;
let agnes: string;
let cookies: { worker: string; person: string; manager: string };
type Person = {
  legal_name: string;
  address_line_1: string;
  town: string;
  postcode: string;
  worker: string | null;
  team: string;
};
const people: Record<string, Person> = {};

async function cookieFor(email: string) {
  const [user] = await rows<{ id: string }>(t.database.db, sql`select id from users where email = ${email}`);
  return `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
}

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  agnes = await demoPersonId(t, 'Agnes Thomson');
  cookies = {
    worker: await cookieFor('worker@demo.selfdirect.test'),
    person: await cookieFor('person@demo.selfdirect.test'),
    manager: await cookieFor('manager@demo.selfdirect.test'),
  };
  for (const id of [morag, agnes]) {
    const [row] = await rows<Person>(
      t.database.db,
      sql`select p.legal_name, p.address_line_1, p.town, p.postcode, w.display_name as worker, team.name as team
          from people p left join users w on w.id = p.allocated_worker_id
          join teams team on team.id = coalesce(w.team_id, p.allocated_team_id)
          where p.id = ${id}`,
    );
    people[id] = row!;
  }
}, 120_000);
afterAll(() => t?.close());

async function letter(url: string, cookie: string, headers: Record<string, string> = { cookie }) {
  const response = await t.app.inject({ url, headers });
  expect(response.statusCode, url).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  if (process.env.LETTERS_DIR)
    writeFileSync(`${process.env.LETTERS_DIR}/${url.replace(/[^a-z]+/gi, '-')}.pdf`, response.rawPayload);
  return response.rawPayload;
}

/** What every letter must carry, checked line by line in the text read back out of it. */
function expectLetterHeading(pdf: Buffer, personId: string, reference: RegExp) {
  const person = people[personId]!;
  const lines = pdfText(pdf).split('\n');
  const has = (line: string) => expect(lines, line).toContain(line);
  // From: the demo council, its made-up address and how to reach it.
  for (const line of ['Demo Council', 'Demo Council Offices', '1 Example Square', 'Demotown', 'ZZ1 1ZZ'])
    has(line);
  has('Phone: 0131 496 0123');
  has('E-mail: socialcare@demo-council.example');
  // To: the person, at their address.
  has(person.legal_name);
  has(person.address_line_1);
  has(person.town);
  has(person.postcode);
  expect(lines.indexOf('ZZ1 1ZZ')).toBeLessThan(lines.indexOf(person.legal_name));
  // When, which letter, and who to contact.
  has(formatDate(todayInLondon()));
  const quoted = lines.find((line) => reference.test(line));
  expect(quoted, `a line with the reference ${reference}`).toBeDefined();
  expect(lines).toContain(`Please quote our reference ${reference.exec(quoted!)![0]}.`);
  const contact = person.worker ? `${person.worker}, ${person.team}` : person.team;
  has(contact);
  has('How to contact us');
  expect(lines.some((line) => line.startsWith('Phone us Monday to Friday'))).toBe(true);
  // Tagged for screen readers: marked, with a structure, in British English, its title shown.
  const tagging = pdfTagging(pdf);
  expect(tagging).toMatchObject({
    marked: true,
    structTreeRoot: true,
    lang: 'en-GB',
    displayDocTitle: true,
    author: 'Demo Council',
  });
  expect(tagging.title?.length).toBeGreaterThan(5);
  expect(tagging.tags).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P']));
  expect(tagging.tags.filter((tag) => tag === 'H1')).toHaveLength(1);
  return { lines, tagging };
}

const recordRef = (id: string) => `SD-${id.replaceAll('-', '').slice(0, 8).toUpperCase()}`;

describe('the budget letter', () => {
  it('carries the heading, the reference of the budget version, and tags its lines as a table', async () => {
    const [budget] = await rows<{ version: number }>(
      t.database.db,
      sql`select version from person_budgets where person_id = ${morag} and status = 'current' order by version desc limit 1`,
    );
    const pdf = await letter(`/people/${morag}/budget/letter.pdf`, cookies.worker);
    const { lines, tagging } = expectLetterHeading(
      pdf,
      morag,
      new RegExp(`${recordRef(morag)}/BUDGET-${budget!.version}`),
    );
    expect(lines).toContain('Your budget and how we worked it out');
    expect(tagging.title).toBe('Your budget – Morag Campbell');
    expect(tagging.tags).toEqual(expect.arrayContaining(['Table', 'TR', 'TH', 'TD']));
  });

  it('for someone held by a team, names the team to contact', async () => {
    expect(people[agnes]!.worker).toBeNull();
    const pdf = await letter(`/people/${agnes}/budget/letter.pdf`, cookies.manager);
    expectLetterHeading(pdf, agnes, new RegExp(`${recordRef(agnes)}/BUDGET(-\\d+)?`));
  });
});

describe('the contribution letter', () => {
  it('carries the heading and the reference of the assessment', async () => {
    const pdf = await letter(`/people/${morag}/charging/letter.pdf`, cookies.worker);
    const { lines, tagging } = expectLetterHeading(
      pdf,
      morag,
      new RegExp(`${recordRef(morag)}/CONTRIBUTION-1`),
    );
    expect(lines).toContain('Your contribution towards your support');
    expect(lines).toContain('Dear Morag,');
    expect(tagging.tags).toEqual(expect.arrayContaining(['Table', 'TH', 'TD']));
  });
});

describe('the support plan', () => {
  it('carries the heading and the reference of the plan version, on the page route and the API', async () => {
    const [plan] = await rows<{ version: number }>(
      t.database.db,
      sql`select max(version)::int as version from support_plans where person_id = ${morag}`,
    );
    const reference = new RegExp(`${recordRef(morag)}/PLAN-${plan!.version}`);
    const { lines, tagging } = expectLetterHeading(
      await letter(`/my/${morag}/plan.pdf`, cookies.person),
      morag,
      reference,
    );
    expect(lines.some((line) => /^Morag( Campbell)?'s support plan$/.test(line))).toBe(true);
    expect(tagging.tags).toEqual(expect.arrayContaining(['L', 'LI', 'LBody']));
    const api = await letter(`/api/v1/people/${morag}/plan/pdf`, '', bearer(await apiToken(t.app, 'worker')));
    expectLetterHeading(api, morag, reference);
  });
});

describe('the copy of everything we hold', () => {
  it('carries the heading and a record-copy reference', async () => {
    const pdf = await letter(`/people/${morag}/export.pdf`, cookies.person);
    const { lines } = expectLetterHeading(pdf, morag, new RegExp(`${recordRef(morag)}/RECORD-COPY`));
    expect(lines.some((line) => line.startsWith('Everything we hold about Morag'))).toBe(true);
  });
});
