import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
let morag: string;
let callum: string;
beforeAll(async () => {
  site = await startSite();
  const db = site.database.db;
  morag = (
    await rows<{ id: string }>(db, sql`select person_id as id from person_relationships where kind = 'self'`)
  )[0]!.id;
  callum = (
    await rows<{ id: string }>(
      db,
      sql`select person_id as id from person_relationships where kind = 'representative'`,
    )
  )[0]!.id;
});
afterAll(() => site.stop());

describe('the person’s own plan', () => {
  it('Morag reads her agreed plan: limits with reasons, her direct payment, every version', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto(`/my/${morag}/plan`);
    expect(await heading(page)).toBe('Your support plan');
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Agreed');
    expect(await textOf(page.getByText('Why', { exact: true }).locator('..'))).toContain('clause 6.3');
    expect(await textOf(page.getByText('You will be paid'))).toContain('every four weeks');
    await page.screenshot({ path: '/tmp/plans-morag-plan.png', fullPage: true });
    await expectAccessible(page);
    const pdf = await page.request.get(`/my/${morag}/plan.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await context.close();
  });

  it('Callum’s mother writes her part of his draft in her own words, and sees what changed', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'representative');
    await page.goto(`/my/${callum}/plan`);
    // Callum's record asks for Easy Read: his plan opens in it, the whole plan one click away.
    await page.getByRole('link', { name: 'Read the whole plan and sign it' }).click();
    expect(await heading(page)).toBe('Your support plan');
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Ready for you to sign');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Add a risk you choose to take' }).click();
    expect(await heading(page)).toBe('A risk I choose to take');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Describe the risk');
    await expectAccessible(page);
    await page.getByLabel('What is the risk?').fill('Taking the bus to the youth club');
    await page
      .getByLabel('What do you think about it?')
      .fill('He knows the route and wants to go like his friends do.');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('link', { name: /about me and what happens if things go wrong/ }).click();
    await page
      .getByLabel('About me')
      .fill('Callum is 15 and mad about football. He likes to visit a new place before he goes.');
    await page.getByRole('button', { name: 'Save' }).click();

    expect(await textOf(page.getByText('Your changes are saved as a new version.'))).toBeTruthy();
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Being written');
    expect(await textOf(page.locator('.selfdirect-own-words').first())).toContain('mad about football');
    expect(await textOf(page.getByText('Taking the bus to the youth club'))).toBeTruthy();
    await page.screenshot({ path: '/tmp/plans-callum-plan.png', fullPage: true });
    await expectAccessible(page);

    await page.getByRole('link', { name: 'What changed in version 3' }).click();
    expect(await heading(page)).toBe('What changed between version 2 and version 3');
    expect(await textOf(page.locator('table'))).toContain('mad about football');
    await expectAccessible(page);

    // The plan is not finished (nobody has said how Callum is supported to take the bus): it cannot be shared.
    await page.goto(`/my/${callum}/plan`);
    await page.getByRole('link', { name: 'Standard version' }).click();
    await page.getByRole('button', { name: 'Share the plan to be signed' }).click();
    const summary = page.getByRole('alert');
    expect(await textOf(summary)).toContain(
      'Say how the person will be supported to take the risk ‘Taking the bus to the youth club’',
    );
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Being written');
    await expectAccessible(page);
    await summary.getByRole('link', { name: /Taking the bus to the youth club/ }).click();
    await page.locator('#plan-missing').getByRole('link', { name: 'Change this risk' }).click();
    expect(await heading(page)).toBe('A risk I choose to take');
    await context.close();
  });
  it('Callum’s plan says whose words each outcome is, his own apart from his mother’s', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'representative');
    await page.goto(`/my/${callum}/outcomes/new`);
    await page.getByLabel('What do you think Callum wants?').fill('I want Callum to try the climbing wall.');
    await page.getByLabel('Things I like to do').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();

    await page.goto(`/my/${callum}/plan`);
    await page.getByRole('link', { name: 'Standard version' }).click();
    expect(await textOf(page.locator('#own-words'))).toBe('In Callum’s own words');
    expect(await textOf(page.locator('#others-words'))).toBe('What others said Callum wants');
    const hers = page.locator('#others-words ~ h4', { hasText: 'climbing wall' });
    expect(await textOf(hers.locator('+ .selfdirect-attribution'))).toBe(
      'Said by Fiona Reid (representative) · typed by Fiona Reid (representative)',
    );
    expect(await textOf(page.locator('#own-words + h4 + .selfdirect-attribution'))).toBe(
      'Said by Callum · typed by Sam Okafor (social worker)',
    );
    await expectAccessible(page);

    await page
      .getByRole('link', { name: /^Change how it will happen/ })
      .first()
      .click();
    expect(await textOf(page.locator('.govuk-inset-text .selfdirect-attribution'))).toBe(
      'Said by Callum · typed by Sam Okafor (social worker)',
    );
    await expectAccessible(page);
    await context.close();
  });
});
