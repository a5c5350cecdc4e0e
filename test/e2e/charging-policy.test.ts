import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

describe('an administrator changes the charging policy', () => {
  it('drafts a change to one figure, sees its effect on contributions, publishes it and finds it in history', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Charging policy' }).click();
    expect(await heading(page)).toBe('Charging policy');
    const overview = await textOf(page.getByRole('main'));
    expect(overview).toContain('In force today');
    expect(overview).toContain('£235.00');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Draft a new version' }).click();
    expect(await heading(page)).toBe('Draft a new charging policy version');
    await expectAccessible(page);
    // Scottish Borders' 2025/26 threshold under State Pension age: £170 a week (scotborders.gov.uk).
    await page.getByLabel('Version name').fill('Charging 2027/28');
    await page.getByLabel('Day', { exact: true }).fill('30');
    await page.getByLabel('Month', { exact: true }).fill('2');
    await page.getByLabel('Year', { exact: true }).fill('2027');
    await page.getByLabel('Weekly income threshold, under State Pension age').fill('-170');
    await page.getByRole('button', { name: 'Save and check the draft' }).click();
    const alert = await textOf(page.getByRole('alert'));
    expect(alert).toContain('Enter a real start date');
    expect(alert).toContain('Enter an amount of zero or more');
    expect(await page.getByLabel('Weekly income threshold, under State Pension age').inputValue()).toBe(
      '-170',
    );
    await expectAccessible(page);

    const [year, month, day] = addDays(todayInLondon(), 7).split('-');
    await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
    await page.getByLabel('Month', { exact: true }).fill(String(Number(month)));
    await page.getByLabel('Year', { exact: true }).fill(year!);
    await page.getByLabel('Weekly income threshold, under State Pension age').fill('170.00');
    await page.getByRole('button', { name: 'Save and check the draft' }).click();
    expect(await heading(page)).toBe('Charging 2027/28');
    const changes = await textOf(page.getByRole('table', { name: 'Each figure before and after' }));
    expect(changes).toContain('£235.00');
    expect(changes).toContain('£170.00');
    const effect = await textOf(page.locator('#effect'));
    expect(effect).toMatch(/Would pay more\s*[1-9]/);
    expect(effect).toMatch(/Up £[\d,.]+ a week in all/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Confirm you have checked each figure');
    await expectAccessible(page);
    await page.getByLabel(/I have checked each figure/).check();
    await page.getByRole('button', { name: 'Publish this version' }).click();

    expect(await heading(page)).toBe('Charging policy');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Charging 2027/28');
    const history = await textOf(
      page.getByRole('table', { name: /Published versions of the charging policy/ }),
    );
    expect(history).toContain('Charging 2027/28');
    expect(history).toMatch(/Published by .+ on .+; drafted by /);
    // Today's figures stay in force until the new version starts.
    expect(await textOf(page.getByRole('main'))).toContain('In force today: Demo Council');
    await expectAccessible(page);
    await context.close();
  });

  it('lets a manager read the charging policy without a way to change it, on a 375px phone', async () => {
    const { context, page } = await newPage(site);
    await page.setViewportSize({ width: 375, height: 800 });
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await signIn(page, 'manager');
    await page.goto('/admin/charging');
    expect(await heading(page)).toBe('Charging policy');
    expect(await page.getByRole('button', { name: 'Draft a new version' }).count()).toBe(0);
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await page.getByRole('link', { name: /Demo Council non-residential charging/ }).click();
    expect(await heading(page)).toMatch(/Demo Council non-residential charging/);
    expect(await page.getByRole('button', { name: 'Publish this version' }).count()).toBe(0);
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await expectAccessible(page);
    await context.close();
  });
});
