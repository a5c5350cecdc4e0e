import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDate, todayInLondon } from '../../src/platform/dates.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

describe('How we work out budgets', () => {
  it('shows the rates, contingency, bands and versions to anyone, without signing in', async () => {
    const { context, page } = await newPage(site);
    // The demo has two councils: the front door asks which, then the council's own start page.
    await page.goto('/');
    await page.getByRole('link', { name: 'Demo Council', exact: true }).click();
    await page.getByRole('link', { name: 'How we work out budgets' }).first().click();
    expect(await heading(page)).toBe('How we work out budgets');
    expect(await textOf(page.getByRole('table', { name: 'Rates we use' }))).toContain('£19.85');
    expect(await textOf(page.getByRole('main'))).toContain('5% of weekly support');
    await expectAccessible(page);
    await context.close();
  });
});

describe('an administrator drafts, previews and publishes a new policy version', () => {
  it('refuses bad rates and dates, shows the re-pricing report, then publishes', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');
    await page.goto('/admin/policies');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Budget policy 2027/28');
    await page.getByLabel('Rate (unit 1)').fill('about 3 pounds');
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('4');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    const alert = await textOf(page.getByRole('alert'));
    expect(alert).toContain('Enter the rate in pounds and pence');
    await page.getByLabel('Rate (unit 1)').fill('-3.00');
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('above zero');
    expect(await textOf(page.getByRole('alert'))).toContain('Overlap');
    expect(await page.getByLabel('Version name').inputValue()).toBe('Budget policy 2027/28');
    await expectAccessible(page);

    const from = addDays(todayInLondon(), 30);
    const [year, month, day] = from.split('-');
    await page.getByLabel('Rate (unit 1)').fill('27.00');
    await page.getByLabel('Rate (unit 2)').fill('19.00');
    await page.getByLabel('Day').fill(day!);
    await page.getByLabel('Month').fill(month!);
    await page.getByLabel('Year').fill(year!);
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Budget policy 2027/28');
    expect(await textOf(page.getByRole('heading', { name: 'Re-pricing report' }))).toBeTruthy();
    for (const group of ['By client group', 'By age band', 'By ethnicity'])
      expect(await textOf(page.getByRole('table', { name: group }))).toContain('People');
    expect(await textOf(page.locator('.govuk-summary-list').nth(1))).toMatch(/Go down/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Confirm you have read the re-pricing report');
    await page.getByLabel(/I have read the re-pricing report/).check();
    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published');
    await expectAccessible(page);

    await page.goto('/how-budgets-work');
    const versions = await textOf(page.getByRole('table', { name: /Published budget policy versions/ }));
    expect(versions).toContain('Budget policy 2027/28');
    expect(versions).toContain(formatDate(addDays(from, -1)));
    await context.close();
  });
});
