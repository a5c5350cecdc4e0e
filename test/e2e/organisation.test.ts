import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

const setUp = async (page: Awaited<ReturnType<typeof newPage>>['page'], link: string) => {
  await page.getByRole('link', { name: 'Council set-up' }).first().click();
  await page.getByRole('link', { name: link, exact: true }).click();
  expect(await heading(page)).toBe(link);
};

describe('an administrator sets up the council’s organisation', () => {
  it('adds a team and a locality, invites a worker into the team, and the staff list shows it', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');

    await setUp(page, 'Teams');
    expect(await textOf(page.getByRole('main'))).toContain('Adult Community Care North');
    await expectAccessible(page);
    await page.getByLabel('Team name').fill('Adult Community Care North');
    await page.getByRole('button', { name: 'Add team' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'There is already a team called Adult Community Care North',
    );
    await expectAccessible(page);
    await page.getByLabel('Team name').fill('Hospital Discharge');
    await page.getByLabel('Adults', { exact: true }).check();
    await page.getByLabel('North Locality').check();
    await page.getByRole('button', { name: 'Add team' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Hospital Discharge has been added.');
    await page.getByRole('link', { name: 'Change Hospital Discharge' }).click();
    expect(await heading(page)).toBe('Change Hospital Discharge');
    await expectAccessible(page);

    await setUp(page, 'Localities');
    await expectAccessible(page);
    await page.getByLabel('Locality name').fill('Pentland Hills');
    await page.getByRole('button', { name: 'Add locality' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Pentland Hills has been added.');
    await page.getByRole('link', { name: 'Rename Pentland Hills' }).click();
    await expectAccessible(page);

    await setUp(page, 'Staff accounts');
    await page.getByLabel('Full name').fill('Nadia Rahman');
    await page.getByLabel('Email address').fill('nadia.rahman@example.test');
    await page.getByLabel('Role').selectOption({ label: 'Social worker or care manager' });
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Select their team');
    await expectAccessible(page);
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Hospital Discharge' });
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    expect(await textOf(page.locator('#invitation-link'))).toMatch(/^\/invitation\/.+/);
    const row = page.getByRole('row').filter({ hasText: 'Nadia Rahman' });
    expect(await textOf(row)).toContain('Hospital Discharge');
    await expectAccessible(page);

    await row.getByRole('link', { name: 'Change team for Nadia Rahman' }).click();
    expect(await heading(page)).toBe('Which team should Nadia Rahman belong to?');
    await expectAccessible(page);
    await page.getByLabel('Adult Community Care South').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the move before you save it');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Move to this team' }).click();
    expect(await textOf(page.getByRole('row').filter({ hasText: 'Nadia Rahman' }))).toContain(
      'Adult Community Care South',
    );
    await context.close();
  });
});
