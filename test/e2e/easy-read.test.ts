import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { countOf, expectAccessible, heading, newPage, type Site, signIn, startSite } from './support.ts';

let site: Site;
let morag: string;
let callum: string;
beforeAll(async () => {
  site = await startSite();
  const people = await rows<{ id: string; legal_name: string; communication_needs: string[] }>(
    site.database.db,
    sql`select id, legal_name, communication_needs from people`,
  );
  const moragRow = people.find((p) => p.legal_name === 'Morag Campbell')!;
  const callumRow = people.find((p) => p.legal_name === 'Callum Reid')!;
  // The demo person account is Morag's, who reads the standard pages; the demo representative
  // acts for Callum, whose record says he needs Easy Read.
  expect(moragRow.communication_needs).not.toContain('easy_read');
  expect(callumRow.communication_needs).toContain('easy_read');
  morag = moragRow.id;
  callum = callumRow.id;
});
afterAll(() => site.stop());

/** Remembers every answer the page had that was not found (a picture that does not load). */
function watchMissing(page: Page): string[] {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  return missing;
}

/** An Easy Read page: lines beside pictures, each with alt text and loaded; axe passes. */
async function expectEasyRead(page: Page, missing: string[]) {
  expect(await countOf(page.locator('.selfdirect-easy-read__line'))).toBeGreaterThan(2);
  // Each picture, once it has loaded or failed (the test has no DOM types: a narrow shape).
  type Img = {
    complete: boolean;
    naturalWidth: number;
    alt: string;
    getAttribute(name: string): string | null;
    addEventListener(event: string, listener: () => void): void;
  };
  const pictures = await page.locator('.selfdirect-easy-read img').evaluateAll(async (elements) => {
    const images = elements as unknown as Img[];
    await Promise.all(
      images.map((img) =>
        img.complete
          ? null
          : new Promise<void>((settled) => {
              img.addEventListener('load', () => settled());
              img.addEventListener('error', () => settled());
            }),
      ),
    );
    return images.map((img) => ({
      src: img.getAttribute('src'),
      alt: img.alt,
      loaded: img.complete && img.naturalWidth > 0,
    }));
  });
  expect(pictures.length).toBe(await page.locator('.selfdirect-easy-read__line').count());
  for (const picture of pictures) {
    expect(picture.alt.trim(), picture.src ?? '').not.toBe('');
    expect(picture.loaded, picture.src ?? '').toBe(true);
  }
  expect(missing).toEqual([]);
  await page.getByRole('link', { name: 'Standard version' }).waitFor();
  await expectAccessible(page);
}

const isStandard = async (page: Page) => {
  await page.getByRole('link', { name: 'Easy Read version' }).waitFor();
  return (await page.locator('.selfdirect-easy-read').count()) === 0;
};

describe('Easy Read', () => {
  it('opens by itself for someone whose record asks for it, with the standard version one click away', async () => {
    const { context, page } = await newPage(site);
    const missing = watchMissing(page);
    await signIn(page, 'representative');

    // Callum's budget: Easy Read first, the figures in £, his letter in Easy Read to print.
    await page.goto(`/my/${callum}/budget`);
    expect(await heading(page)).toBe('Your budget');
    await expectEasyRead(page, missing);
    const easy = await page.locator('.selfdirect-easy-read').textContent();
    expect(easy).toMatch(/Your budget is £[\d,.]+ a week\./);
    expect(easy).toContain('Tell your social worker.');
    const letter = await page
      .getByRole('link', { name: 'Get your budget letter in Easy Read to print (PDF)' })
      .getAttribute('href');
    const pdf = await page.request.get(letter!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // On a 375 px phone the lines and pictures fit without scrolling sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/easy-read-budget-375.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: '/tmp/easy-read-budget.png', fullPage: true });
    await page.getByRole('link', { name: 'Standard version' }).click();
    expect(await isStandard(page)).toBe(true);
    expect(await heading(page)).toBe('Your budget');
    await page.getByRole('link', { name: 'Easy Read version' }).click();
    await expectEasyRead(page, missing);

    // His plan (shared for his mother to sign), the four options and the eligibility decision.
    await page.goto(`/my/${callum}/plan`);
    expect(await heading(page)).toBe('Your support plan');
    await expectEasyRead(page, missing);
    expect(await page.locator('.selfdirect-easy-read').textContent()).toContain(
      'If you agree with it, you can sign it.',
    );
    await page.getByRole('link', { name: 'See the 4 ways to get your support' }).click();
    expect(await heading(page)).toBe('How you want your support arranged');
    await expectEasyRead(page, missing);
    expect(await page.locator('.selfdirect-easy-read').textContent()).toContain(
      'Option 3: the council chooses your support for you.',
    );
    await page.getByRole('link', { name: 'Standard version' }).click();
    expect(await isStandard(page)).toBe(true);

    await page.goto(`/my/${callum}/options`);
    await expectEasyRead(page, missing);

    await page.goto(`/people/${callum}/eligibility`);
    expect(await heading(page)).toBe('Can the council pay for your support?');
    await expectEasyRead(page, missing);
    await page.getByRole('link', { name: 'Standard version' }).click();
    expect(await isStandard(page)).toBe(true);
    await expectAccessible(page);
    await context.close();
  }, 240_000);

  it('is one click from each standard page for someone whose record does not ask for it', async () => {
    const { context, page } = await newPage(site);
    const missing = watchMissing(page);
    await signIn(page, 'person');
    for (const [path, title] of [
      [`/my/${morag}/budget`, 'Your budget'],
      [`/my/${morag}/options`, 'How you want your support arranged'],
      [`/my/${morag}/plan`, 'Your support plan'],
      [`/people/${morag}/eligibility`, 'Can the council pay for your support?'],
    ] as const) {
      await page.goto(path);
      expect(await isStandard(page), path).toBe(true);
      await page.getByRole('link', { name: 'Easy Read version' }).click();
      expect(await heading(page)).toBe(title);
      await expectEasyRead(page, missing);
    }
    await context.close();
  }, 240_000);

  it('is one click away for the worker too, who sees the standard case pages first', async () => {
    const { context, page } = await newPage(site);
    const missing = watchMissing(page);
    await signIn(page, 'worker');
    await page.goto(`/people/${callum}/budget`);
    expect(await isStandard(page)).toBe(true);
    await page.getByRole('link', { name: 'Easy Read version' }).click();
    expect(await heading(page)).toBe('Your budget');
    await expectEasyRead(page, missing);
    await page.goto(`/people/${callum}/plan`);
    expect(await isStandard(page)).toBe(true);
    await page.getByRole('link', { name: 'Easy Read version' }).click();
    await expectEasyRead(page, missing);
    await context.close();
  }, 120_000);
});
