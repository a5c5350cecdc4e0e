import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer } from '../support/app.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

/**
 * Issue 14's first journey, in one go: a worker records a brand-new person (who reads Easy
 * Read), decides eligibility and works out a budget, invites them; the person accepts the
 * invitation, finds every part of their record from "My support" by clicking, reads their
 * budget in Easy Read and signs their plan; a manager agrees it.
 *
 * Writing the plan's words and sending it on are done through the API as the worker (the
 * worker's plan pages have journeys of their own in plan-manager and plan-person); everything
 * the person and the manager do is clicked.
 */
let site: Site;
let worker: string;
beforeAll(async () => {
  site = await startSite();
  worker = await apiToken(site.app, 'worker');
}, 120_000);
afterAll(() => site.stop());

async function api(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await site.app.inject({ method, url: `/api/v1${url}`, headers: bearer(worker), payload });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

describe('a new person holds the pen', () => {
  it('is recorded, invited, finds everything from My support, reads Easy Read, signs; a manager agrees', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.getByRole('link', { name: 'Record a new person' }).first().click();
    await page.getByLabel('Full legal name').fill('Ailsa Brodie');
    await page.getByLabel('Day').first().fill('3');
    await page.getByLabel('Month').first().fill('9');
    await page.getByLabel('Year').first().fill('1988');
    await page.getByLabel('Learning disability').check();
    await page.getByLabel('Who made contact').fill('Self');
    await page.getByLabel('Why they made contact').fill('Wants to get out and about on her own.');
    await page.getByLabel('Soon – within a few weeks').check();
    await page.locator('#crisis-2').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('Ailsa Brodie');
    const personId = new URL(page.url()).pathname.split('/')[2]!;
    // She reads Easy Read: recorded on her record as a communication need.
    await page.getByRole('link', { name: 'Change language and communication' }).click();
    await page.getByLabel('Easy Read').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('Ailsa Brodie');

    // What she wants, in her words (typed in by the worker at the visit).
    await api('POST', `/people/${personId}/outcomes`, {
      personWords: 'I want to go to the shops in town on my own',
      area: 'things_i_do',
    });

    // Eligibility and a budget, clicked.
    await page.getByRole('link', { name: 'Eligibility', exact: true }).click();
    await page.getByRole('button', { name: /eligibility decision|Decide eligibility/ }).click();
    for (const area of ['autonomy', 'health and safety', 'daily routines'])
      await page
        .getByRole('group', { name: `Level of risk: ${area}` })
        .getByLabel('Low')
        .check();
    await page
      .getByRole('group', { name: 'Level of risk: family and community life' })
      .getByLabel('Substantial')
      .check();
    for (const area of ['autonomy', 'health and safety', 'daily routines'])
      await page.getByLabel(`What shows this (${area})`).fill('Talked about it at the home visit.');
    await page
      .getByLabel('What shows this (family and community life)')
      .fill('Has not been out without her mum for two years.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await textOf(page.getByRole('main').locator('.govuk-tag').first())).toBe('Eligible');
    await page.getByRole('link', { name: 'Go to the budget' }).click();
    await page.getByRole('button', { name: /indicative budget/ }).click();
    await page.getByLabel('Outcome (need 1)').selectOption({ index: 1 });
    await page.getByLabel('Support (need 1)').selectOption('personal_care_hour');
    await page.getByLabel('How many a week (need 1)').fill('6');
    await page.getByLabel('Why this budget is being worked out').fill('First assessment');
    await page.getByRole('button', { name: 'Work out and save the budget' }).click();
    expect(await heading(page)).toBe('Budget');

    // The plan, written with her and shared for her to sign.
    const started = await api('GET', `/people/${personId}/plan`);
    const content = started.content;
    content.outcomes[0].howMet = 'A personal assistant she chooses goes with her, then less each month';
    content.costLines = [
      {
        outcomeRef: content.outcomes[0].ref,
        description: 'Personal assistant for trips to town',
        providerKind: 'personal_assistant',
        frequency: '3 hours, twice a week',
        weeklyCost: 9_000,
        fundingStream: 'council_social_care',
        sdsOption: 1,
      },
    ];
    content.contingency = 'If her assistant is ill, she goes the next week with her mum.';
    const saved = await api('PUT', `/people/${personId}/plan`, { rowVersion: null, content });
    await api('POST', `/people/${personId}/plan/share`, { rowVersion: saved.rowVersion });

    // The worker invites her from her record.
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    await page.getByRole('link', { name: 'Ailsa Brodie' }).first().click();
    await page.getByRole('link', { name: 'Invite someone to see this record' }).click();
    await page.getByRole('link', { name: 'The person themself' }).click();
    await page.getByLabel('Their email address').fill('ailsa.brodie@example.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const link = await textOf(page.locator('#invitation-link'));
    const code = await textOf(page.locator('#check-code'));

    // Ailsa, in her own browser, with the link and the code her worker gave her.
    const ailsa = await newPage(site);
    const me = ailsa.page;
    await me.goto(link);
    await me.getByLabel('Day').fill('3');
    await me.getByLabel('Month').fill('9');
    await me.getByLabel('Year').fill('1988');
    await me.getByLabel('Check code').fill(code);
    await me.getByRole('button', { name: 'Continue' }).click();
    await me.getByLabel('Password', { exact: true }).fill('ailsa has a long password');
    await me.getByLabel('Confirm password').fill('ailsa has a long password');
    await me.getByRole('button', { name: 'Set password' }).click();
    await me.waitForURL(/\/my\/[0-9a-f-]{36}$/);
    expect(await heading(me)).toBe('My support');
    await expectAccessible(me);

    // Every part of her record from her home, by clicking, and back.
    const parts = await me
      .locator('main .selfdirect-support-list a')
      .evaluateAll((anchors) => anchors.map((a) => a.textContent?.trim() ?? ''));
    expect(parts).toEqual(
      expect.arrayContaining([
        'What I want',
        'Can the council pay for support?',
        'My budget and how it was worked out',
        'My support plan',
        'Who can see my record',
        'Who has looked at my record',
        'My copy of my record',
      ]),
    );
    for (const part of parts.filter((text) => !text.endsWith('(PDF)') && text !== 'My account')) {
      await me.locator('main').getByRole('link', { name: part, exact: true }).click();
      expect((await heading(me)).length, part).toBeGreaterThan(0);
      await me.locator('.govuk-breadcrumbs').getByRole('link', { name: 'My support' }).click();
      expect(await heading(me)).toBe('My support');
    }

    // Her budget opens in Easy Read by itself: pictures beside short lines.
    await me.getByRole('link', { name: 'My budget and how it was worked out' }).click();
    await expect.poll(() => me.locator('.selfdirect-easy-read').count()).toBeGreaterThan(0);
    expect(await me.locator('.selfdirect-easy-read img[alt]').count()).toBeGreaterThan(2);
    await expectAccessible(me);
    await me.locator('.govuk-breadcrumbs').getByRole('link', { name: 'My support' }).click();

    // She signs her plan.
    await me.getByRole('link', { name: 'My support plan', exact: true }).click();
    await me.getByRole('link', { name: 'Read the whole plan and sign it' }).click();
    expect(await textOf(me.locator('#plan-state .govuk-tag'))).toBe('Ready for you to sign');
    await me.getByLabel('I have read this plan and I agree with it').check();
    await me.getByRole('button', { name: 'Sign the plan' }).click();
    await expectAccessible(me);
    await ailsa.context.close();

    // Her worker sends it on; the manager agrees it.
    const signed = await api('GET', `/people/${personId}/plan`);
    expect(signed.plan.state).toBe('signed');
    await api('POST', `/people/${personId}/plan/submit`, { rowVersion: signed.plan.rowVersion });
    await context.close();

    const manager = await newPage(site);
    await signIn(manager.page, 'manager');
    await manager.page.getByRole('link', { name: 'People', exact: true }).first().click();
    await manager.page.getByRole('link', { name: 'Ailsa Brodie' }).click();
    await manager.page.getByRole('link', { name: 'Support plan', exact: true }).click();
    await manager.page.getByRole('link', { name: 'Decide on this plan' }).click();
    expect(await textOf(manager.page.locator('#how-agreed'))).toContain('Ailsa');
    await manager.page.getByLabel('Agree the plan').check();
    await manager.page.getByRole('button', { name: 'Save the decision' }).click();
    expect(await textOf(manager.page.getByText('The plan is agreed.'))).toBeTruthy();
    expect(await textOf(manager.page.locator('#plan-state .govuk-tag'))).toBe('Agreed');
    await expectAccessible(manager.page);
    await manager.context.close();
  }, 240_000);
});
