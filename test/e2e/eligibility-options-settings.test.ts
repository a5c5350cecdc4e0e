import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

async function fillDate(page: Page, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await page.getByLabel('Month', { exact: true }).fill(String(Number(month)));
  await page.getByLabel('Year', { exact: true }).fill(year!);
}

describe('an administrator changes the eligibility policy', () => {
  it('drafts, sees errors inline, checks old → new and who it affects, publishes and sees history', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Eligibility policy' }).click();
    expect(await heading(page)).toBe('Eligibility policy');
    expect(await textOf(page.getByRole('main'))).toContain('In force today: Eligibility criteria 2026/27');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Eligibility criteria 2027');
    await fillDate(page, '2026-02-30');
    await page.getByLabel('Critical', { exact: true }).check();
    await page.getByLabel('Substantial', { exact: true }).uncheck();
    await page.getByLabel('Moderate', { exact: true }).check();
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    const alert = await textOf(page.getByRole('alert'));
    expect(alert).toContain('Enter a real start date');
    expect(alert).toContain('must also fund every more serious band');
    expect(await page.getByLabel('Version name').inputValue()).toBe('Eligibility criteria 2027');
    await expectAccessible(page);

    await page.getByLabel('Substantial', { exact: true }).check();
    await fillDate(page, addDays(todayInLondon(), 45));
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Eligibility criteria 2027');
    const changes = await textOf(page.getByRole('table', { name: 'Each setting before and after' }));
    expect(changes).toContain('Critical, Substantial, Moderate');
    expect(await textOf(page.locator('#impact'))).toMatch(/would become eligible/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Confirm you have checked the changes');
    await expectAccessible(page);
    await page.getByLabel(/I have checked each setting/).check();
    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published eligibility policy');
    expect(await textOf(page.getByRole('main'))).toMatch(/Published by .+ on /);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back' }).click();
    const history = await textOf(page.getByRole('table', { name: /Versions of the eligibility policy/ }));
    expect(history).toContain('Eligibility criteria 2027');
    expect(history).toMatch(/Published by .+; drafted by/);
    await context.close();
  });
});

describe('an administrator changes the SDS options settings', () => {
  it('sees the four options, drafts, checks, publishes and sees history', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Ways of getting support' }).click();
    expect(await heading(page)).toBe('SDS options settings');
    expect(await textOf(page.getByRole('main'))).toContain('Option 1: a direct payment');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Draft new settings' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Options 2027');
    await fillDate(page, addDays(todayInLondon(), -1));
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('today or later');
    expect(await page.getByLabel('No', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(page);

    await fillDate(page, addDays(todayInLondon(), 20));
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Options 2027');
    const changes = await textOf(page.getByRole('table', { name: 'Each setting before and after' }));
    expect(changes).toContain('Not funded by the council');
    await expectAccessible(page);

    await page.getByLabel(/I have checked each setting/).check();
    await page.getByRole('button', { name: 'Publish these settings' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published SDS options settings');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back' }).click();
    const history = await textOf(page.getByRole('table', { name: /Versions of the options settings/ }));
    expect(history).toContain('Options 2027');
    expect(history).toMatch(/Published by .+; drafted by/);
    await expectAccessible(page);
    await context.close();
  });
});
