import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
let morag: string;
beforeAll(async () => {
  site = await startSite();
  morag = (
    await rows<{ id: string }>(
      site.database.db,
      sql`select person_id as id from person_relationships where kind = 'self'`,
    )
  )[0]!.id;
});
afterAll(() => site.stop());

describe('choosing how support is arranged', () => {
  it('Morag reads what each option means before choosing, and her earlier choice is kept', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto(`/my/${morag}/options`);
    expect(await heading(page)).toBe('How you want your support arranged');
    // Her own words under their own heading, each saying who said and who typed it.
    expect(await textOf(page.locator('#own-words'))).toBe('In Morag’s own words');
    expect(await textOf(page.locator('.selfdirect-attribution').first())).toMatch(
      /^Said by Morag · typed by .+ \(social worker\)$/,
    );
    await expectAccessible(page);
    const before = await textOf(page.locator('.govuk-summary-list').first());
    expect(before).toContain('Option 1: a direct payment');

    await page
      .getByRole('link', { name: /^Change/ })
      .first()
      .click();
    expect(await heading(page)).toBe('Choose how this support is arranged');
    // The explanations come before the question.
    const text = await textOf(page.locator('main'));
    expect(text.indexOf('What you would do')).toBeLessThan(
      text.indexOf('How do you want this support arranged?'),
    );
    expect(text).toContain('A support organisation can help you find helpers');
    await expectAccessible(page);

    await page.getByLabel('Option 2: you choose, someone else arranges').check();
    await page.getByRole('button', { name: 'Save this choice' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Say who helped to choose');
    await expectAccessible(page);
    await page.getByLabel('Who helped you choose?').fill('My sister Eilidh');
    await page.getByRole('button', { name: 'Save this choice' }).click();

    expect(await heading(page)).toBe('How you want your support arranged');
    expect(await textOf(page.locator('.govuk-summary-list').first())).toContain('My sister Eilidh');
    expect(await textOf(page.getByRole('table').first())).toContain('Option 1: a direct payment');
    await page.screenshot({ path: '/tmp/plans-options.png', fullPage: true });
    await expectAccessible(page);
    await context.close();
  });
});
