import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

describe('an administrator changes the direct-payment settings', () => {
  it('refuses wrong answers inline, shows old → new, then publishes from a date', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Direct-payment settings' }).click();
    expect(await heading(page)).toBe('Direct-payment settings');
    expect(await textOf(page.getByRole('main'))).toContain('8 weeks of payments');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Draft new settings' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Direct payments 2027');
    await page.getByLabel('Day', { exact: true }).fill('1');
    await page.getByLabel('Month', { exact: true }).fill('4');
    await page.getByLabel('Year', { exact: true }).fill('2020');
    await page.getByLabel('Surplus threshold').fill('10');
    await page.getByLabel('Sort code').fill('80-22-6');
    await page.getByLabel('Every four weeks').uncheck();
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    const alert = await textOf(page.getByRole('alert'));
    expect(alert).toContain('Enter a sort code of 6 digits');
    expect(alert).toMatch(/today or later|Overlap/);
    expect(await page.getByLabel('Sort code').inputValue()).toBe('80-22-6');
    expect(await page.getByLabel('Every four weeks').isChecked()).toBe(false);
    await expectAccessible(page);

    const [year, month, day] = addDays(todayInLondon(), 30).split('-');
    await page.getByLabel('Sort code').fill('80-22-60');
    await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
    await page.getByLabel('Month', { exact: true }).fill(String(Number(month)));
    await page.getByLabel('Year', { exact: true }).fill(year!);
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Direct payments 2027');
    const changes = await textOf(page.getByRole('table', { name: 'Each setting before and after' }));
    expect(changes).toContain('8 weeks of payments');
    expect(changes).toContain('10 weeks of payments');
    expect(changes).toContain('Weekly, Monthly');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish these settings' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Confirm you have checked the changes');
    await page.getByLabel(/I have checked each setting/).check();
    await page.getByRole('button', { name: 'Publish these settings' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published');
    expect(await textOf(page.getByRole('main'))).toMatch(/Published by .+ on /);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back' }).click();
    const history = await textOf(
      page.getByRole('table', { name: /Versions of the direct-payment settings/ }),
    );
    expect(history).toContain('Direct payments 2027');
    expect(history).toMatch(/Published by .+; drafted by/);
    await context.close();
  });

  it('lets a finance officer read them from the payment runs page, without a way to change them', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.getByRole('link', { name: 'Payment runs' }).first().click();
    await page.getByRole('link', { name: 'direct-payment settings' }).click();
    expect(await heading(page)).toBe('Direct-payment settings');
    expect(await page.getByRole('button', { name: 'Draft new settings' }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});
