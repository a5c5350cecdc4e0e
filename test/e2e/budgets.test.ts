import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { asSystem, rows } from '../../src/platform/db/transaction.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
let morag: string;
let agnes: string;
beforeAll(async () => {
  site = await startSite();
  const people = await rows<{ id: string; legal_name: string }>(
    site.database.db,
    sql`select id, legal_name from people`,
  );
  morag = people.find((p) => p.legal_name === 'Morag Campbell')!.id;
  agnes = people.find((p) => p.legal_name === 'Agnes Thomson')!.id;
});
afterAll(() => site.stop());

describe('a worker takes a person from eligibility to an explained indicative budget', () => {
  it('decides eligibility with evidence, then costs the outcomes into lines that add up', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto(`/people/${morag}/eligibility`);
    await expectAccessible(page);
    await page.getByRole('button', { name: /eligibility decision|Decide eligibility/ }).click();
    expect(await heading(page)).toBe('Decide eligibility');
    await expectAccessible(page);

    // A substantial risk with no evidence is refused, the answers kept.
    await page
      .getByRole('group', { name: 'Level of risk: daily routines' })
      .getByLabel('Substantial')
      .check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Say what shows a substantial risk for daily routines',
    );
    expect(
      await page
        .getByRole('group', { name: 'Level of risk: daily routines' })
        .getByLabel('Substantial')
        .isChecked(),
    ).toBe(true);
    await expectAccessible(page);

    for (const area of ['autonomy', 'health and safety', 'family and community life'])
      await page
        .getByRole('group', { name: `Level of risk: ${area}` })
        .getByLabel('Low')
        .check();
    for (const area of ['autonomy', 'health and safety', 'family and community life'])
      await page.getByLabel(`What shows this (${area})`).fill('Talked about it at the home visit.');
    await page
      .getByLabel('What shows this (daily routines)')
      .fill('Cannot wash or dress without help most mornings.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await textOf(page.getByRole('main').locator('.govuk-tag'))).toBe('Eligible');
    expect(await textOf(page.getByRole('listitem').filter({ hasText: 'Daily routines' }))).toContain(
      'Cannot wash or dress',
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Go to the budget' }).click();
    await page.getByRole('button', { name: /indicative budget/ }).click();
    await expectAccessible(page);
    // Each outcome to choose from says whose words it is.
    expect(await page.getByLabel('Outcome (need 1)').locator('option').nth(1).textContent()).toMatch(
      /^“.+” \(Said by .+ · typed by .+\)$/,
    );
    await page.getByLabel('Outcome (need 1)').selectOption({ index: 1 });
    await page.getByLabel('Support (need 1)').selectOption('personal_care_hour');
    await page.getByLabel('How many a week (need 1)').fill('10');
    await page.getByLabel('Outcome (need 2)').selectOption({ index: 1 });
    await page.getByLabel('Support (need 2)').selectOption('personal_care_hour');
    await page.getByLabel('How many a week (need 2)').fill('2');
    await page.getByLabel('Why this budget is being worked out').fill('Assessment after a fall');
    await page.getByRole('button', { name: 'Work out and save the budget' }).click();
    // The same outcome costed twice is refused beside the second row.
    expect(await textOf(page.getByRole('alert'))).toContain('already has personal care at home costed');
    await expectAccessible(page);

    await page.getByLabel('Outcome (need 2)').selectOption({ index: 2 });
    await page.getByLabel('Support (need 2)').selectOption('day_opportunity_session');
    await page.getByRole('button', { name: 'Work out and save the budget' }).click();
    expect(await heading(page)).toBe('Budget');
    // 10 × £25.62 + 2 × £52.00 = £360.20; 5% contingency £18.01; £378.21 a week.
    expect(await textOf(page.locator('.govuk-body-l'))).toContain('£378.21 a week');
    const table = page.getByRole('table', { name: 'How this budget is worked out' });
    expect(await textOf(table.getByRole('row').filter({ hasText: 'Total a week' }))).toContain('£378.21');
    expect(await textOf(table)).toContain('Budget policy 2026/27');
    await expectAccessible(page);

    // What-if: one more hour, nothing saved.
    await page.getByRole('link', { name: 'See what happens if a need changes' }).click();
    await page.getByLabel('How many a week (need 1)').fill('11');
    await page.getByRole('button', { name: 'Show the difference' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('go up by £26.90 a week');
    await expectAccessible(page);

    const letter = await page.request.get(`/people/${morag}/budget/letter.pdf`);
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});

describe('the person reads their explanation in their account', () => {
  it('shows every line in plain words, and what-if', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto(`/my/${morag}/budget`);
    expect(await heading(page)).toBe('Your budget');
    expect(await textOf(page.locator('.govuk-body-l'))).toMatch(/Your budget is £[\d,.]+ a week/);
    expect(await textOf(page.getByRole('table', { name: 'Each part of your budget' }))).toContain(
      'Contingency',
    );
    await expectAccessible(page);
    await page.getByRole('link', { name: /what happens to your budget/ }).click();
    await page.getByLabel('How many a week (need 1)').fill('0');
    await page.getByRole('button', { name: 'Show me the difference' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('go down');
    await expectAccessible(page);
    await page.goto(`/people/${morag}/eligibility`);
    expect(await heading(page)).toBe('Can the council pay for your support?');
    await expectAccessible(page);
    await context.close();
  });
});

describe('an agreed budget is explained like an indicative one', () => {
  it('shows quantity × rate × policy version on every line, a what-if from the budget, and one figure on the plan', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto(`/people/${agnes}/budget`);
    expect(await textOf(page.locator('.govuk-body-l'))).toContain('Agreed');
    const weekly = /£[\d,.]+(?= a week)/.exec(await textOf(page.locator('.govuk-body-l')))![0];
    const table = page.getByRole('table', { name: 'How this budget is worked out' });
    expect(await textOf(table)).not.toContain('Support plan version');
    let priced = 0;
    for (const row of await table.locator('tbody tr').all()) {
      const cells = await row.locator('td').allInnerTexts();
      if (cells.length < 5 || /Contingency|Agreed over budget/.test(cells[0]!)) continue;
      expect(cells[1], cells[0]).toMatch(/^\d+(\.\d+)?$/);
      expect(cells[2], cells[0]).toMatch(/^£/);
      expect(cells[4], cells[0]).toContain('Budget policy 2026/27');
      priced++;
    }
    expect(priced).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'See what happens if a need changes' }).click();
    await page.getByLabel('How many a week (need 1)').fill('0');
    await page.getByRole('button', { name: 'Show the difference' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('go down');
    expect(await textOf(page.getByRole('status'))).not.toContain('from £0.00');
    await expectAccessible(page);

    await page.goto(`/people/${agnes}/plan`);
    expect(await textOf(page.locator('#plan-budget'))).toContain(`The agreed budget is ${weekly} a week`);
    expect(await textOf(page.getByRole('main'))).not.toContain('Agreeing the plan set the agreed budget');
    await expectAccessible(page);
    await context.close();
  });
});

describe('a manager approves a crisis interim budget the same day', () => {
  it('approves it, sees it flagged, and finds it on the interim list', async () => {
    await asSystem(site.database.db, (tx) =>
      tx.execute(
        sql`update people set crisis = true, crisis_reason = 'Daughter who cares for her is in hospital' where id = ${agnes}`,
      ),
    );
    const { context, page } = await newPage(site);
    await signIn(page, 'manager');
    await page.goto(`/people/${agnes}/budget`);
    await page.getByRole('button', { name: 'Approve an interim budget' }).click();
    await expectAccessible(page);
    await page.getByLabel('Amount a week').fill('-4');
    await page.getByRole('button', { name: 'Approve the interim budget' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the amount a week');
    await expectAccessible(page);
    await page.getByLabel('Amount a week').fill('420.00');
    await page
      .getByLabel('What the crisis is and what the money is for')
      .fill('Her daughter is in hospital: care at home twice a day until the review.');
    const [year, month, day] = addDays(todayInLondon(), 21).split('-');
    await page.getByLabel('Day').fill(day!);
    await page.getByLabel('Month').fill(month!);
    await page.getByLabel('Year').fill(year!);
    await page.getByRole('button', { name: 'Approve the interim budget' }).click();
    expect(await heading(page)).toBe('Budget');
    expect(await textOf(page.locator('.govuk-warning-text'))).toContain(
      'Interim budget of £420.00 a week approved by Priya Nair',
    );
    await expectAccessible(page);
    await page.goto('/budgets/interim');
    expect(await textOf(page.getByRole('row').filter({ hasText: 'Agnes Thomson' }))).toContain('£420.00');
    await expectAccessible(page);
    await context.close();
  });
});
