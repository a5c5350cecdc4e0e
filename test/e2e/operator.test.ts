import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATOR } from '../../src/features/accounts/demo-users.ts';
import { expectAccessible, heading, newPage, type Site, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

/** Issue 15 item 1: the platform operator creates an English council and its first administrator signs in to it. */
describe('the platform operator creates a council', () => {
  it('fills the form, checks the answers, creates it, and the new administrator opens its set-up', async () => {
    const { context, page } = await newPage(site);
    await page.goto('/sign-in');
    expect(await textOf(page.getByRole('table', { name: /^The platform/ }))).toContain(DEMO_OPERATOR.email);
    await page.getByLabel('Email address').fill(DEMO_OPERATOR.email);
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await heading(page)).toBe('Councils');
    expect(new URL(page.url()).pathname).toBe('/operator/councils');
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    expect((await menu.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual(['Councils']);
    expect(await textOf(page.getByRole('table'))).toContain('Demo Council');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create a council' }).click();
    expect(await heading(page)).toBe('Create a council');
    await expectAccessible(page);
    // Nothing answered: every question's error at once, on the same page.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain('Select Scotland or England');
    expect(summary).toContain('Enter the council’s name');
    await expectAccessible(page);

    await page.getByLabel('England').check();
    await page.getByLabel('Council name').fill('Northwick Borough Council');
    await page.getByLabel('Code', { exact: true }).fill('demo');
    await page.getByLabel('Address line 1').fill('Northwick Town Hall');
    await page.getByLabel('Town or city').fill('Northwick');
    await page.getByLabel('Postcode').fill('zz2 2zz');
    await page.getByLabel('Email address for the public').fill('care@northwick.example');
    await page.getByLabel('Data controller', { exact: true }).fill('Northwick Borough Council');
    await page.getByLabel('Data controller’s address').fill('Northwick Town Hall\nNorthwick\nZZ2 2ZZ');
    await page.getByLabel('Data controller’s email address').fill('info.governance@northwick.example');
    await page.getByLabel('Data protection officer’s email address').fill('dpo@northwick.example');
    await page.getByLabel('ICO registration number').fill('Z7654321');
    await page.getByLabel('Full name').fill('Nia Okoro');
    await page.getByLabel('Email address', { exact: true }).fill('nia.okoro@northwick.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Another council already has this code',
    );
    await page.getByLabel('Code', { exact: true }).fill('northwick');
    await page.getByRole('button', { name: 'Continue' }).click();

    expect(await heading(page)).toBe('Check the new council before you create it');
    const answers = await textOf(page.locator('.govuk-summary-list'));
    expect(answers).toContain('England');
    expect(answers).toContain('northwick');
    expect(answers).toContain('Nia Okoro');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create the council' }).click();

    expect(await heading(page)).toContain('Council created');
    const link = await textOf(page.locator('#invitation-link'));
    expect(link).toMatch(/^\/invitation\/.+/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'View Northwick Borough Council' }).click();
    expect(await heading(page)).toBe('Northwick Borough Council');
    expect(await textOf(page.getByRole('main'))).toContain('The code and the nation are fixed');
    await expectAccessible(page);
    await page.getByLabel('Phone number (optional)', { exact: true }).fill('not a phone');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a phone number');
    await expectAccessible(page);
    await page.getByLabel('Phone number (optional)', { exact: true }).fill('0113 496 0555');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('The council’s details have been saved.');
    await page.getByRole('link', { name: 'Back to councils' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Northwick Borough Council' });
    expect(await textOf(row)).toContain('England');
    await context.close();

    // The first administrator, on their own device, with the link.
    const admin = await newPage(site);
    await admin.page.goto(link);
    expect(await heading(admin.page)).toBe('Set your password');
    await expectAccessible(admin.page);
    await admin.page.getByLabel('Password', { exact: true }).fill('northwick-admin-password');
    await admin.page.getByLabel('Confirm password').fill('northwick-admin-password');
    await admin.page.getByRole('button', { name: 'Set password' }).click();
    await admin.page.getByLabel('Email address').fill('nia.okoro@northwick.example');
    await admin.page.getByLabel('Password').fill('northwick-admin-password');
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    expect(await heading(admin.page)).toBe('Council set-up');
    expect(new URL(admin.page.url()).pathname).toBe('/admin');
    expect(await textOf(admin.page.locator('header'))).toContain('Northwick Borough Council');
    await expectAccessible(admin.page);
    await admin.page.getByRole('link', { name: 'Teams', exact: true }).click();
    expect(await heading(admin.page)).toBe('Teams');
    await expectAccessible(admin.page);
    await admin.context.close();
  });

  it('fits a 375 px phone: the councils, a new council and a council’s details', async () => {
    const context = await site.browser.newContext({
      baseURL: site.url,
      viewport: { width: 375, height: 800 },
    });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(DEMO_OPERATOR.email);
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    const demo = page.getByRole('link', { name: 'Demo Council' });
    const councilPath = await demo.getAttribute('href');
    for (const path of ['/operator/councils', '/operator/councils/new', councilPath!]) {
      await page.goto(path);
      await page.waitForLoadState('load');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect([path, wide]).toEqual([path, 0]);
    }
    await context.close();
  });
});
