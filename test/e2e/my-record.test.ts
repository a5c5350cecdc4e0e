import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countOf,
  expectAccessible,
  heading,
  newPage,
  type Site,
  signIn,
  startSite,
  textOf,
} from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

describe('the person, from their own account', () => {
  it('reads their record and adds an outcome in their own words', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto('/my');
    expect(await heading(page)).toBe('My support');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Morag' }).click();
    expect(await heading(page)).toBe('My record');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/my-record.png', fullPage: true });

    await page.getByRole('link', { name: 'See and change what I want' }).click();
    expect(await heading(page)).toBe('What I want');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add something you want' }).click();
    expect(await heading(page)).toBe('Add something you want');
    await expectAccessible(page);

    // Nothing typed: told plainly, on the same page.
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Enter the outcome in the person’s own words');
    await expectAccessible(page);

    await page
      .getByLabel('What do you want?')
      .fill('I want to go to the pictures with my sister on a Friday.');
    await page.getByLabel('Things I like to do').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Is this right?');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('What I want');
    expect(await countOf(page.getByText('“I want to go to the pictures with my sister on a Friday.”'))).toBe(
      1,
    );

    // Change her own words.
    await page.getByRole('link', { name: /Change these words.*I want to go to the pictures/ }).click();
    await expectAccessible(page);
    await page
      .getByLabel('What do you want?')
      .fill('I want to go to the pictures with my sister every Friday.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await countOf(page.getByText('“I want to go to the pictures with my sister every Friday.”'))).toBe(
      1,
    );

    await page.goto(page.url().replace('/outcomes', ''));
    await page.getByRole('link', { name: 'See who has looked at my record' }).click();
    expect(await heading(page)).toBe('Who has looked at this record');
    await expectAccessible(page);
    await context.close();
  });

  it('reads the copy of everything held about them as a document, at 1280 and 375 pixels', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto('/account');
    await page.getByRole('link', { name: 'See who has looked at your record' }).click();
    expect(await heading(page)).toBe('Who has looked at this record');
    const said = await textOf(page.locator('main table'));
    expect(said).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    await page.getByRole('link', { name: /See a copy of everything we hold/ }).click();
    expect(await heading(page)).toBe('Everything we hold about Morag');
    await expectAccessible(page);
    const copy = await textOf(page.locator('main'));
    for (const section of [
      'Your details',
      'Your direct payment agreement',
      'Your budget',
      'Who has looked at your record',
    ])
      expect(await countOf(page.getByRole('heading', { level: 2, name: section, exact: true }))).toBe(1);
    expect(copy).toMatch(/account ending \d{4}/);
    expect(copy).not.toMatch(/v1:[A-Za-z0-9+/=]{8,}:/);
    expect(copy).not.toContain('{');
    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/export-375.png' });
    await context.close();
  });

  it('cannot open anyone else’s record', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    const response = await page.goto(`/my/${site.authorityId.replace(/.$/, '0')}`);
    expect(response?.status()).toBe(403);
    await page.goto('/people');
    expect(await heading(page)).toBe('You do not have access');
    await context.close();
  });
});
