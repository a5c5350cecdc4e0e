import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

describe('a member of the public', () => {
  it('reads the start page and the footer pages, with no accessibility violations', async () => {
    const { context, page } = await newPage(site);
    // Two demo councils: the front door asks which, then the council's own start page.
    await page.goto('/');
    expect(await heading(page)).toBe('Choose your council');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Demo Borough Council', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/c/demo-borough');
    expect(await heading(page)).toBe('Plan your support, your way');
    await expectAccessible(page);
    for (const link of ['Accessibility statement', 'Privacy', 'Cookies']) {
      await page.getByRole('contentinfo').getByRole('link', { name: link, exact: true }).click();
      expect(await heading(page)).toBeTruthy();
      await expectAccessible(page);
    }
    await context.close();
  });

  it('is told clearly when a sign-in is wrong, with the email kept', async () => {
    const { context, page } = await newPage(site);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill('nobody@example.org');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('There is a problem');
    expect(await page.getByLabel('Email address').inputValue()).toBe('nobody@example.org');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await context.close();
  });
});

describe('signing in and out', () => {
  it('a worker signs in, sees their account, and signs out', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto('/account');
    expect(await heading(page)).toBe('Your account');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await heading(page)).toBe('You have signed out');
    await page.goto('/account');
    expect(page.url()).toMatch(/\/sign-in\?next=/);
    await context.close();
  });
});
