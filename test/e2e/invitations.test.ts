import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

/**
 * Issue 14 item 1, clicked through as people would: a worker records a brand-new person,
 * invites them from the record and passes on the link and check code; in another browser the
 * person opens the link, gets the check wrong once, passes it, sets a password and lands on
 * their own pages, where "who can see my record" lists them. The worker then stops a second
 * invitation, whose link gets a clear page. Every new page passes axe.
 */
let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 120_000);
afterAll(() => site.stop());

describe('inviting the people around a record', () => {
  it('a worker invites a new person, who checks, sets a password and sees their own record', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto('/people');
    await page.getByRole('link', { name: 'Record a new person' }).click();
    await page.getByLabel('Full legal name').fill('Jo Bloggs');
    await page.getByLabel('Day').first().fill('12');
    await page.getByLabel('Month').first().fill('4');
    await page.getByLabel('Year').first().fill('1991');
    await page.getByLabel('Physical disability').check();
    await page.getByLabel('Who made contact').fill('Self');
    await page.getByLabel('Why they made contact').fill('Wants help to live on their own.');
    await page.getByLabel('Soon – within a few weeks').check();
    await page.locator('#crisis-2').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('Jo Bloggs');
    const recordUrl = page.url();

    await page.getByRole('link', { name: 'Invite someone to see this record' }).click();
    expect(await heading(page)).toBe('Who are you inviting?');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'The person themself' }).click();
    expect(await heading(page)).toBe('Invite the person themself');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter an email address');
    await expectAccessible(page);
    await page.getByLabel('Their email address').fill('jo.bloggs@example.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the invitation before you create it');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create invitation' }).click();
    expect(await textOf(page.locator('.govuk-panel__title'))).toBe('Invitation created');
    expect(await textOf(page.locator('.govuk-warning-text'))).toContain('We do not send emails');
    await expectAccessible(page);
    const link = await textOf(page.locator('#invitation-link'));
    const code = await textOf(page.locator('#check-code'));
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    await page.getByRole('link', { name: 'Back to the record' }).click();
    expect(await textOf(page.locator('[data-invitations]'))).toContain('Waiting to be accepted');

    // The invited person, in their own browser, with the link and the code they were given.
    const invited = await newPage(site);
    await invited.page.goto(link);
    expect(await heading(invited.page)).toBe('Check it is you');
    await expectAccessible(invited.page);
    await invited.page.getByLabel('Day').fill('12');
    await invited.page.getByLabel('Month').fill('4');
    await invited.page.getByLabel('Year').fill('1991');
    await invited.page.getByLabel('Check code').fill('AAAA-AAAA');
    await invited.page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(invited.page.getByRole('alert'))).toContain(
      'The date of birth and check code do not match',
    );
    await expectAccessible(invited.page);
    await invited.page.getByLabel('Check code').fill(code.toLowerCase());
    await invited.page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(invited.page)).toBe('Set your password');
    await expectAccessible(invited.page);
    await invited.page.getByLabel('Password', { exact: true }).fill('my own long password');
    await invited.page.getByLabel('Confirm password').fill('my own long password');
    await invited.page.getByRole('button', { name: 'Set password' }).click();
    // One record: straight to her "My support" home, no chooser.
    await invited.page.waitForURL(/\/my\/[0-9a-f-]{36}$/);
    expect(await heading(invited.page)).toBe('My support');
    await invited.page.getByRole('link', { name: 'Who can see my record' }).click();
    expect(await heading(invited.page)).toBe('Who can see my record');
    expect(await textOf(invited.page.locator('#accounts'))).toContain('This is the person’s own account.');
    await expectAccessible(invited.page);

    // The link is used: a clear page, never a second account.
    const reuse = await newPage(site);
    const response = await reuse.page.goto(link);
    expect(response?.status()).toBe(410);
    expect(await heading(reuse.page)).toBe('This invitation link no longer works');
    await expectAccessible(reuse.page);
    await reuse.context.close();
    await invited.context.close();

    // The worker stops a second invitation; its link then gets a clear page.
    await page.goto(recordUrl);
    expect(await textOf(page.locator('[data-invitations]'))).toContain('Accepted');
    await page.getByRole('link', { name: 'Invite someone to see this record' }).click();
    await page.getByRole('link', { name: 'A provider' }).click();
    await page.getByLabel('Their name, or the organisation’s name').fill('Helping Hands Care');
    await page.getByLabel('Their email address').fill('helping.hands@example.test');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Create invitation' }).click();
    const stoppedLink = await textOf(page.locator('#invitation-link'));
    await page.getByRole('link', { name: 'Back to the record' }).click();
    await page.getByRole('button', { name: 'Stop invitation for Helping Hands Care' }).click();
    expect(await textOf(page.locator('[data-invitations]'))).toContain(
      'Stopped by the council or the person',
    );
    await page.getByRole('link', { name: 'Who can see this record' }).click();
    expect(await heading(page)).toBe('Who can see Jo Bloggs’s record');
    await expectAccessible(page);
    const stopped = await newPage(site);
    const stoppedResponse = await stopped.page.goto(stoppedLink);
    expect(stoppedResponse?.status()).toBe(410);
    expect(await textOf(stopped.page.locator('main'))).toContain('This invitation has been stopped');
    await stopped.context.close();
    await context.close();
  }, 180_000);
});
