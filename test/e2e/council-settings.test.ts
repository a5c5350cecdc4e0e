import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

describe('an administrator sets the council’s own funding streams and contact details', () => {
  it('adds and retires a funding stream, changes the phone number with a check and history, and the privacy notice shows it', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');

    // Funding streams, from Council set-up.
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Funding streams', exact: true }).click();
    expect(await heading(page)).toBe('Funding streams');
    await expectAccessible(page);
    await page.getByLabel('Name', { exact: true }).fill('Housing support');
    await page.getByRole('button', { name: 'Add funding stream' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'There is already a funding stream called Housing support',
    );
    await expectAccessible(page);
    await page.getByLabel('Name', { exact: true }).fill('Carers’ short breaks fund');
    await page.getByLabel('What it pays for (optional)').fill('Short breaks for unpaid carers');
    await page.getByRole('button', { name: 'Add funding stream' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Carers’ short breaks fund has been added.');
    await page.getByRole('button', { name: 'Retire Community equipment' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Community equipment has been retired.');
    const equipment = page.locator('.govuk-summary-list__row').filter({ hasText: 'Community equipment' });
    expect(await textOf(equipment)).toContain('Retired');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Rename Carers’ short breaks fund' }).click();
    expect(await heading(page)).toBe('Change Carers’ short breaks fund');
    await expectAccessible(page);

    // Council details: change the phone number, check it, save it, see the history.
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Council details', exact: true }).click();
    expect(await heading(page)).toBe('Demo Council: address and contact details');
    await expectAccessible(page);
    await page.getByLabel('Phone number').fill('12345');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a UK phone number');
    await expectAccessible(page);
    await page.getByLabel('Phone number').fill('0131 496 0777');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the council’s details');
    const phoneRow = page.getByRole('row').filter({ hasText: 'Phone number' });
    expect(await textOf(phoneRow)).toBe('Phone number 0131 496 0123 0131 496 0777');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save these details' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The council’s details have been saved.');
    const history = page.getByRole('row').filter({ hasText: 'Phone number' });
    expect(await textOf(history)).toContain('Ruth Douglas');
    expect(await textOf(history)).toContain('0131 496 0123 0131 496 0777');
    await expectAccessible(page);

    // The public privacy notice names the council and its new number.
    await page.getByRole('link', { name: 'Privacy' }).click();
    expect(await heading(page)).toBe('Privacy notice');
    const responsible = await textOf(page.getByRole('main'));
    expect(responsible).toContain('Who is responsible for your data');
    expect(responsible).toContain('By phone: 0131 496 0777');
    await expectAccessible(page);
    await context.close();
  }, 240_000);
});
