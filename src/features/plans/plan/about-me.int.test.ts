import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, type TestApp, testApp } from '../../../../test/support/app.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { demoEmail } from '../../accounts/index.ts';
import { createSession } from '../../../platform/auth/credentials.ts';
import { rows } from '../../../platform/db/transaction.ts';

let t: TestApp;
let worker: string;
let cookie: string;
beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
  const [user] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = ${demoEmail('worker')}`,
  );
  cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(worker), payload });

describe('the support plan’s About me', () => {
  it('starts from the good conversation in the person’s words, and then belongs to the plan', async () => {
    const person = await api('POST', '/people', {
      legalName: 'Agnes Test',
      dateOfBirth: '1950-05-05',
      clientGroup: 'older_people',
    });
    expect(person.statusCode).toBe(201);
    const id = person.json().id;
    expect((await api('GET', `/people/${id}/plan`)).json().content.aboutMe).toBeUndefined();

    const talked = await api('POST', `/people/${id}/conversations`, {
      heldOn: '2026-01-12',
      entries: [
        {
          section: 'what_matters',
          text: 'My dog Bess and my walks by the river.',
          saidBy: 'person',
          ownWords: true,
        },
        { section: 'not_working', text: 'The stairs are getting hard.', saidBy: 'person', ownWords: true },
        {
          section: 'people_places',
          text: 'Her church choir on Thursdays.',
          saidBy: 'family',
          saidByName: 'Jean',
          ownWords: false,
        },
      ],
    });
    expect(talked.statusCode).toBe(201);

    const started = (await api('GET', `/people/${id}/plan`)).json();
    expect(started.content.aboutMe.split('\n')).toEqual([
      'From the good conversation on 12 January 2026.',
      '',
      'What matters to me',
      '“My dog Bess and my walks by the river.” (in my own words · typed by Sam Okafor (social worker))',
      '',
      'People and places important to me',
      'Her church choir on Thursdays. (said by Jean (a family member or friend) · typed by Sam Okafor (social worker))',
    ]);

    // The person (here with their worker) rewrites it; their words stay, the conversation does not come back.
    const written = await api('PATCH', `/people/${id}/plan/my-part`, {
      rowVersion: null,
      aboutMe: 'I am Agnes. Bess and the river keep me going.',
    });
    expect(written.statusCode).toBe(201);
    await api('POST', `/people/${id}/conversations`, {
      heldOn: '2026-02-01',
      entries: [
        { section: 'strengths', text: 'I can still cook for myself.', saidBy: 'person', ownWords: true },
      ],
    });
    expect((await api('GET', `/people/${id}/plan`)).json().content.aboutMe).toBe(
      'I am Agnes. Bess and the river keep me going.',
    );
  });

  it('stores the conversation’s words with the first save of a plan that never had About me', async () => {
    const person = await api('POST', '/people', {
      legalName: 'Bernard Test',
      dateOfBirth: '1960-06-06',
      clientGroup: 'physical_disability',
    });
    const id = person.json().id;
    await api('POST', `/people/${id}/conversations`, {
      heldOn: '2026-01-20',
      entries: [
        { section: 'strengths', text: 'I fix bikes for the whole street.', saidBy: 'person', ownWords: true },
      ],
    });
    const saved = await api('PATCH', `/people/${id}/plan/my-part`, {
      rowVersion: null,
      contingency: 'My brother comes round if the PA cannot.',
    });
    expect(saved.statusCode).toBe(201);
    const plan = (await api('GET', `/people/${id}/plan`)).json();
    expect(plan.plan.version).toBe(1);
    expect(plan.content.aboutMe).toContain(
      '“I fix bikes for the whole street.” (in my own words · typed by Sam Okafor (social worker))',
    );
  });
});

/** What a page says, a line per block of text. */
const textOf = (html: string) =>
  html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

describe('whose words the support plan’s outcomes are', () => {
  it('says who said and who typed each outcome, the person’s own words apart, on the page and in the PDF', async () => {
    const person = await api('POST', '/people', {
      legalName: 'Eilidh Test',
      dateOfBirth: '1970-07-07',
      clientGroup: 'learning_disability',
    });
    expect(person.statusCode).toBe(201);
    const id = person.json().id;
    // Jean's words are recorded first, so the plan lists them first unless it keeps voices apart.
    const jean = await api('POST', `/people/${id}/outcomes`, {
      personWords: 'Eilidh needs help to get to the shops.',
      area: 'things_i_do',
      saidBy: 'family',
      saidByName: 'Jean',
    });
    expect(jean.statusCode).toBe(201);
    const own = await api('POST', `/people/${id}/outcomes`, {
      personWords: 'I want to bake bread with my gran.',
      area: 'things_i_do',
      saidBy: 'person',
    });
    expect(own.statusCode).toBe(201);
    const ownLine = 'Said by Eilidh Test · typed by Sam Okafor (social worker)';
    const jeanLine = 'Said by Jean (family or friend) · typed by Sam Okafor (social worker)';

    const page = await t.app.inject({ url: `/people/${id}/plan`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const shown = textOf(page.body);
    const at = (text: string) => shown.indexOf(text);
    expect(shown).toContain(`“I want to bake bread with my gran.”\n${ownLine}`);
    expect(shown).toContain(`“Eilidh needs help to get to the shops.”\n${jeanLine}`);
    // Her own words under their own heading, before and apart from what Jean said.
    expect(at('In Eilidh Test’s own words')).toBeGreaterThan(-1);
    expect(at('In Eilidh Test’s own words')).toBeLessThan(at('“I want to bake bread with my gran.”'));
    expect(at('“I want to bake bread with my gran.”')).toBeLessThan(at('What others said Eilidh Test wants'));
    expect(at('What others said Eilidh Test wants')).toBeLessThan(
      at('“Eilidh needs help to get to the shops.”'),
    );

    const file = await t.app.inject({ url: `/people/${id}/plan.pdf`, headers: { cookie } });
    expect(file.statusCode).toBe(200);
    const printed = pdfText(file.rawPayload).split('\n');
    const line = (text: string) => printed.findIndex((l) => l.includes(text));
    expect(printed[line('bake bread with my gran.') + 1]).toBe(ownLine);
    expect(printed[line('needs help to get to the shops.') + 1]).toBe(jeanLine);
    expect(line("In Eilidh Test's own words")).toBeLessThan(line('bake bread with my gran.'));
    expect(line('bake bread with my gran.')).toBeLessThan(line('What others said Eilidh Test wants'));
    expect(line('What others said Eilidh Test wants')).toBeLessThan(line('needs help to get to the shops.'));

    const plan = (await api('GET', `/people/${id}/plan`)).json();
    expect(plan.outcomeWords).toEqual({
      [own.json().id]: { own: true, attribution: ownLine },
      [jean.json().id]: { own: false, attribution: jeanLine },
    });

    // Once the plan keeps words the outcome no longer has, they are not claimed as anyone's.
    const saved = await api('PATCH', `/people/${id}/plan/my-part`, {
      rowVersion: null,
      contingency: 'I ring Jean.',
    });
    expect(saved.statusCode).toBe(201);
    const rewritten = await api('PATCH', `/people/${id}/outcomes/${own.json().id}`, {
      version: 1,
      personWords: 'I want to bake bread and cakes with my gran.',
    });
    expect(rewritten.statusCode).toBe(200);
    const after = (await api('GET', `/people/${id}/plan`)).json();
    expect(after.content.outcomes.map((o: { personWords: string }) => o.personWords)).toContain(
      'I want to bake bread with my gran.',
    );
    expect(after.outcomeWords[own.json().id]).toEqual({
      own: false,
      attribution: 'Who said these words and who typed them was not recorded',
    });
  });
});
