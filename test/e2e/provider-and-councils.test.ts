import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 120_000);
afterAll(() => site.stop());

describe('the demo provider', () => {
  it('opens its own view of Nessie: its part of the plan, no identifiers, no record', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'provider');
    // One person supported: "My support" opens the service view straight away.
    await page.getByRole('link', { name: 'My support' }).click();
    expect(await heading(page)).toBe('Nessie');
    expect(new URL(page.url()).pathname).toMatch(/^\/my\/[0-9a-f-]+\/service$/);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/provider-view.png', fullPage: true });
    const main = await textOf(page.locator('main'));
    expect(main).toContain('Council-arranged back-up support');
    expect(main).toContain('I want to stay in my own house.');
    expect(main).toContain('If things go wrong');
    for (const hidden of [
      'Housing support worker',
      'Personal assistant for going out',
      'CHI',
      'NHS',
      'Budget',
    ])
      expect(main).not.toContain(hidden);

    // The full record is not theirs to read.
    const record = await page.goto(page.url().replace(/\/service$/, ''));
    expect(record?.status()).toBe(403);
    await context.close();
  });
});

describe('a second council', () => {
  it('has its own public pages, and the older addresses ask which council', async () => {
    await site.database.db.execute(
      sql`insert into authorities (code, name, nation) values ('burnside', 'Burnside Council', 'scotland')`,
    );
    const { context, page } = await newPage(site);
    await page.goto('/privacy');
    expect(await heading(page)).toBe('Choose your council');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Burnside Council' }).click();
    expect(new URL(page.url()).pathname).toBe('/c/burnside/privacy');
    expect(await textOf(page.locator('main'))).toContain(
      'Burnside Council is responsible for your information in this service',
    );
    await expectAccessible(page);

    await page.getByRole('contentinfo').getByRole('link', { name: 'How we work out budgets' }).click();
    expect(new URL(page.url()).pathname).toBe('/c/burnside/how-budgets-work');
    expect(await textOf(page.getByRole('banner'))).toContain('Burnside Council');
    await expectAccessible(page);

    // Staff of the demo council still see their own council's name.
    await signIn(page, 'worker');
    await page.goto('/people');
    expect(await textOf(page.getByRole('banner'))).toContain('Demo Council');
    expect(await page.title()).toContain('Demo Council');
    await context.close();
  });
});
