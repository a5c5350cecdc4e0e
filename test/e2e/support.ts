import { AxeBuilder } from '@axe-core/playwright';
import { text } from 'node:stream/consumers';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Download,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { type DEMO_ROLES, demoEmail } from '../../src/features/accounts/demo-users.ts';
import { type TestApp, testApp } from '../support/app.ts';

export type DemoRole = (typeof DEMO_ROLES)[number];

export interface Site extends TestApp {
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** The real server on a random port (demo council seeded) and a connection to the run's Chromium. */
export async function startSite(): Promise<Site> {
  const t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // The run's one Chromium, launched by test/support/chromium-server.ts.
  const browser = await chromium.connect(inject('chromiumEndpoint'));
  return {
    ...t,
    url: `http://127.0.0.1:${port}`,
    browser,
    stop: async () => {
      // Closing a connected browser disconnects this file's contexts; the Chromium stays up.
      await browser.close();
      await t.close();
    },
  };
}

export async function newPage(site: Site): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ baseURL: site.url });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, role: DemoRole) {
  await signInAs(page, demoEmail(role));
}

/** Any demo account by its e-mail address: the English council's staff, the second finance officer. */
export async function signInAs(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('demo-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as').waitFor();
}

/** WCAG 2.2 AA rules, zero violations: every violation names the rule and the elements. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${page.url()}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(violations).toEqual([]);
}

/** The visible text of the first match, once it appears (playwright-core has no `expect`). */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ timeout: 10_000 });
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** How many elements match, once the first has appeared (so a count never races a page load). */
export async function countOf(locator: Locator): Promise<number> {
  await locator.first().waitFor({ timeout: 10_000 });
  return locator.count();
}

export const heading = (page: Page) => textOf(page.getByRole('heading', { level: 1 }));

/**
 * The text of a file the page downloaded. The browser is shared over a connection
 * (test/support/chromium-server.ts), so the file is read through its stream, not a local path.
 */
export async function downloadedText(download: Download): Promise<string> {
  return text(await download.createReadStream());
}
