import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
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
    // One record: "My support" is her home, no chooser.
    await page.goto('/my');
    expect(await heading(page)).toBe('My support');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/my-record.png', fullPage: true });

    await page.getByRole('link', { name: 'What I want', exact: true }).click();
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
    // Who said it and who typed it, under her words.
    expect(
      await textOf(
        page.locator('li', { hasText: 'I want to go to the pictures' }).locator('.selfdirect-attribution'),
      ),
    ).toBe('Said by Morag · typed by Morag Campbell');

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

    await page.locator('.govuk-breadcrumbs').getByRole('link', { name: 'My support' }).click();
    await page.getByRole('link', { name: 'Who has looked at my record' }).click();
    expect(await heading(page)).toBe('Who has looked at this record');
    await expectAccessible(page);
    await context.close();
  });

  it('Callum’s mother sees his own words apart from hers, with who typed each, and cannot change his', async () => {
    const [callum] = await rows<{ id: string; outcomeId: string }>(
      site.database.db,
      sql`select p.id, o.id as "outcomeId" from people p join personal_outcomes o on o.person_id = p.id
          where p.legal_name = 'Callum Reid' and o.said_by = 'person' limit 1`,
    );
    const { context, page } = await newPage(site);
    await signIn(page, 'representative');
    await page.goto('/my');
    expect(await heading(page)).toBe('Callum’s support');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'What Callum wants', exact: true }).click();
    expect(await heading(page)).toBe('What Callum wants');
    expect(await textOf(page.locator('.selfdirect-attribution').first())).toBe(
      'Said by Callum · typed by Sam Okafor (social worker)',
    );
    expect(await textOf(page.locator('#own-words'))).toBe('In Callum’s own words');
    // His words are his: no way for her to change them.
    expect(await page.getByRole('link', { name: /Change these words/ }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Add something you think they want' }).click();
    expect(await heading(page)).toBe('Add something you think Callum wants');
    await page
      .getByLabel('What do you think Callum wants?')
      .fill('I want Callum to have a buddy at the pool.');
    await page.getByLabel('Things I like to do').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('What Callum wants');
    // Her words sit apart from his, named as hers and typed by her.
    expect(await textOf(page.locator('#others-words'))).toBe('What other people said Callum wants');
    const hers = page.locator('li', { hasText: 'a buddy at the pool' });
    expect(await textOf(hers.locator('.selfdirect-attribution'))).toBe(
      'Said by Fiona Reid (representative) · typed by Fiona Reid (representative)',
    );
    expect(await page.locator('#own-words ~ ul').first().textContent()).not.toContain('buddy at the pool');
    await expectAccessible(page);

    // Opening his words to change them is refused, in plain words.
    const refused = await page.goto(`/my/${callum!.id}/outcomes/${callum!.outcomeId}/edit`);
    expect(refused?.status()).toBe(403);
    expect(await textOf(page.locator('main'))).toContain('These are the person’s own words');
    await expectAccessible(page);

    // A form sent for his words anyway (an old tab, a crafted form) is refused with an error summary.
    await page.goto(`/my/${callum!.id}/outcomes`);
    await hers.getByRole('link', { name: /Change these words/ }).click();
    await page.locator('form[action$="/edit"]').evaluate((form, action) => {
      (form as unknown as { action: string }).action = action;
    }, `/my/${callum!.id}/outcomes/${callum!.outcomeId}/edit`);
    await page.getByLabel('What do you want?').fill('Callum wants to go swimming with me.');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('These are the person’s own words');
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
