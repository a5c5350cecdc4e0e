import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

/**
 * "My support" (issue 14 item 3): the demo person reaches every part of her record from her
 * home by clicking only, and the demo representative sees whose record it is on every page.
 */
let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

// Each walk opens some fifteen pages and runs axe on each: longer than one journey's default.
/**
 * "Who can see my record" is built by the invitations work (issue 14 item 1) at exactly this
 * address; until that lands on this branch its link leads nowhere, so the walk skips just it.
 */
/** Each part of Morag's record: the link on her home and the heading of the page it opens. */
const MORAG_PARTS: [link: string, heading: string | null][] = [
  ['What I want', 'What I want'],
  ['What I said', 'What I said'],
  ['About me and who helps me', 'About me'],
  ['Can the council pay for support?', 'Can the council pay for your support?'],
  ['My budget and how it was worked out', 'Your budget'],
  ['What if my needs changed?', 'What if my needs changed?'],
  ['My budget letter (PDF)', null],
  ['How I want my support arranged', 'How you want your support arranged'],
  ['My support plan', 'Your support plan'],
  ['My support plan (PDF)', null],
  ['My payments and statements', 'Your direct payment'],
  ['What I pay towards my support', 'What you pay towards your support'],
  ['Who can see my record', 'Who can see my record'],
  ['Invite someone in my circle of support', 'Who are you inviting?'],
  ['Who has looked at my record', 'Who has looked at this record'],
  ['My copy of my record', 'Everything we hold about Morag'],
  ['My account', 'Your account'],
];

describe('"My support"', () => {
  it('the demo person reaches every part of her record from her home by clicking', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.getByRole('link', { name: 'My support' }).first().click();
    expect(await heading(page)).toBe('My support');
    await expectAccessible(page);
    const seen: Record<string, string | null> = {};
    for (const [link, expected] of MORAG_PARTS) {
      const anchor = page.locator('main').getByRole('link', { name: link, exact: true });
      if (expected === null) {
        // A letter: the link gives a PDF (opened by the browser, so read through its address).
        const href = await anchor.getAttribute('href');
        const pdf = await page.request.get(href!);
        expect(pdf.status(), link).toBe(200);
        expect(pdf.headers()['content-type'], link).toContain('application/pdf');
        continue;
      }
      await anchor.click();
      seen[link] = await heading(page);
      await expectAccessible(page);
      // Back home the same way from every page: "My support" in the breadcrumbs or the menu.
      if (link === 'My account') await page.getByRole('link', { name: 'My support' }).first().click();
      else await page.locator('.govuk-breadcrumbs').getByRole('link', { name: 'My support' }).click();
      expect(await heading(page)).toBe('My support');
    }
    expect(seen).toEqual(Object.fromEntries(MORAG_PARTS.filter(([link, expected]) => expected !== null)));
    await context.close();
  }, 240_000);

  it('the demo representative sees Callum’s name on every page they click to', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'representative');
    await page.getByRole('link', { name: 'My support' }).first().click();
    expect(await heading(page)).toBe('Callum’s support');
    expect(await textOf(page.locator('.selfdirect-acting-for'))).toBe('You are acting for Callum.');
    await expectAccessible(page);
    const links = await page
      .locator('main .selfdirect-support-list a')
      .evaluateAll((anchors) => anchors.map((a) => a.textContent?.trim() ?? ''));
    const pages = links.filter((text) => !text.endsWith('(PDF)') && text !== 'My account');
    expect(pages.length).toBeGreaterThan(10);
    for (const link of pages) {
      await page.locator('main').getByRole('link', { name: link, exact: true }).click();
      expect(await textOf(page.locator('.selfdirect-acting-for')), link).toBe('You are acting for Callum.');
      await expectAccessible(page);
      await page.locator('.govuk-breadcrumbs').getByRole('link', { name: 'My support' }).click();
      expect(await heading(page)).toBe('Callum’s support');
    }
    await context.close();
  }, 240_000);
});
