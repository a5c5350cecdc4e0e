import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../src/cli/generate/index.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { expectAccessible, heading, newPage, type Site, startSite, signIn, textOf } from './support.ts';

let site: Site;
let analystEmail: string;

beforeAll(async () => {
  site = await startSite();
  // A synthetic council of 200 people, and its analyst given a password to sign in with.
  const { authorityId } = await generateSynthetic(site.database.db, {
    scale: 'tiny',
    seed: 11,
    people: 200,
    asOf: '2026-04-01',
  });
  const [analyst] = await rows<{ email: string }>(
    site.database.db,
    sql`update users set password_hash = ${await hashPassword('demo-password-1')}
        where authority_id = ${authorityId} and role = 'analyst' returning email`,
  );
  analystEmail = analyst!.email;
}, 120_000);
afterAll(() => site.stop());

describe('equity report page', () => {
  it('shows an analyst option uptake and spend by group, with small groups hidden, accessibly', async () => {
    const { context, page } = await newPage(site);
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(analystEmail);
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    await page.goto('/reports/equity');
    expect(await heading(page)).toBe('Who gets which option, and how much');
    for (const caption of ['By client group', 'By age', 'By ethnic group', 'By sex', 'By area'])
      expect(await textOf(page.getByRole('table', { name: caption }))).toContain('Option 1: direct payment');
    expect(await textOf(page.getByRole('table', { name: 'By ethnic group' }))).toContain(
      'Not shown: fewer than 5 people',
    );
    expect(await textOf(page.locator('.govuk-summary-list'))).toMatch(
      /Total weekly spend\s*£[\d,]+\.\d\d a week/,
    );
    await page.getByText('How the money figures are worked out').click();
    expect(await textOf(page.locator('.govuk-details__text'))).toContain('latest agreed support plan');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/reports-equity.png', fullPage: true });
    await context.close();
  });

  it('refuses a social worker', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    const response = await page.goto('/reports/equity');
    expect(response?.status()).toBe(403);
    await context.close();
  });
});
