import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, type TestApp, testApp } from '../../../test/support/app.ts';

let t: TestApp;
let worker: string;
beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
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
