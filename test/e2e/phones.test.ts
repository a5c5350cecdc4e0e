/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { type DemoRole, expectAccessible, type Site, signIn, startSite } from './support.ts';

/**
 * Every page a person or a worker uses fits a 375 px phone: nothing wider than the screen, no
 * table cell that cuts off its amount. The pages are reached by clicking, as on a phone (the
 * service menu folds behind its "Menu" button); a page no link leads to yet is opened by its
 * address, and the test says which.
 */
const PHONE = { width: 375, height: 800 };

let site: Site;
let morag: string;
let callum: string;
let runId: string;
beforeAll(async () => {
  site = await startSite();
  const [self] = await rows<{ id: string }>(
    site.database.db,
    sql`select person_id as id from person_relationships where kind = 'self' limit 1`,
  );
  const [child] = await rows<{ id: string }>(
    site.database.db,
    sql`select id from people where legal_name = 'Callum Reid'`,
  );
  const [run] = await rows<{ id: string }>(site.database.db, sql`select id from payment_runs limit 1`);
  morag = self!.id;
  callum = child!.id;
  runId = run?.id ?? '';
}, 120_000);
afterAll(() => site?.stop());

/** What does not fit: the page wider than the screen, or a table, cell or anything in one cut off. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const width = window.innerWidth;
    const root = document.documentElement;
    if (root.scrollWidth > width) found.push(`the page is ${root.scrollWidth}px wide`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} “${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”`;
    // Visually hidden on purpose (the stacked table's header row, hidden captions): not cut off.
    const hiddenFromEye = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.clipPath !== 'none' || style.clip.startsWith('rect')) return true;
      }
      return false;
    };
    for (const table of document.querySelectorAll('table')) {
      const box = table.getBoundingClientRect();
      if (box.right > width + 1 || box.left < -1) {
        found.push(`${name(table)} reaches ${Math.round(box.left)}–${Math.round(box.right)}px`);
        continue;
      }
      // The table fits: nothing in it may stick out or be cut off.
      for (const el of table.querySelectorAll('*')) {
        const inner = el.getBoundingClientRect();
        if (inner.width > 0 && !hiddenFromEye(el) && (inner.right > width + 1 || inner.left < -1)) {
          found.push(`${name(el)} reaches ${Math.round(inner.left)}–${Math.round(inner.right)}px`);
        }
      }
      for (const el of [table, ...table.querySelectorAll('th, td')]) {
        if (hiddenFromEye(el)) continue;
        if (el.scrollWidth > el.clientWidth + 1) {
          found.push(`${name(el)} is cut off: ${el.scrollWidth}px in ${el.clientWidth}px`);
        }
      }
    }
    // An amount stays whole (one line) and right-aligned, however the table is laid out.
    for (const cell of document.querySelectorAll('.govuk-table__cell--numeric')) {
      if (hiddenFromEye(cell) || !(cell.textContent ?? '').includes('£')) continue;
      if (getComputedStyle(cell).textAlign !== 'right') found.push(`${name(cell)} is not right-aligned`);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const amount of (node.textContent ?? '').matchAll(/-?£[\d,]+(\.\d\d)?/g)) {
          const range = document.createRange();
          range.setStart(node, amount.index);
          range.setEnd(node, amount.index + amount[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(`${amount[0]} in ${name(cell)} is broken over ${lines.size} lines`);
        }
      }
    }
    return found;
  });
}

interface Visit {
  path: string;
  typed: boolean;
}

/** Opens `path` by clicking a link to it on the page (opening the menu if it is folded away). */
async function follow(page: Page, path: string): Promise<Visit> {
  const visibleLink = async () => {
    const links = page.locator(`a[href="${path}"]`);
    for (let i = 0; i < (await links.count()); i++) {
      if (await links.nth(i).isVisible()) return links.nth(i);
    }
    return null;
  };
  // The service menu folds away once govuk-frontend's script has started: wait for that, or a
  // menu link seen before it folds is gone when clicked.
  await page.waitForLoadState('load');
  const toggle = page.locator('.govuk-service-navigation__toggle');
  if (await toggle.count()) await toggle.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
  // Already there (signing in lands on the "My support" home): nothing to open.
  if (new URL(page.url()).pathname === path) return { path, typed: false };
  let link = await visibleLink();
  const menu = page.getByRole('button', { name: 'Menu' });
  if (!link && (await page.locator(`.govuk-service-navigation a[href="${path}"]`).count())) {
    if (await menu.isVisible()) await menu.click();
    link = await visibleLink();
  }
  if (link) {
    await Promise.all([page.waitForURL((url) => url.pathname === path.split('?')[0]), link.click()]);
    return { path, typed: false };
  }
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return { path, typed: true };
}

/** A step: a page to open, or a search on the case list for a person by name. */
type Step = string | { search: string };

async function walk(role: DemoRole, steps: Step[], axeOn: string[]) {
  const context = await site.browser.newContext({ baseURL: site.url, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, role);
  const problems: string[] = [];
  const typed: string[] = [];
  for (const step of steps) {
    if (typeof step !== 'string') {
      await page.getByLabel('Name, CHI or NHS number').fill(step.search);
      await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole('button', { name: 'Search' }).click()]);
      continue;
    }
    const path = step;
    const visit = await follow(page, path);
    if (visit.typed) typed.push(path);
    // Measured once the page and its stylesheets have loaded, never mid-navigation.
    await page.waitForLoadState('load');
    for (const problem of await overflows(page)) problems.push(`${role} ${path}: ${problem}`);
    if (axeOn.includes(path)) {
      await expectAccessible(page);
      await page.screenshot({
        path: `/tmp/phones/${role}${new URL(page.url()).pathname.replace(/\/[0-9a-f-]{36}/g, '').replace(/\//g, '-')}.png`,
        fullPage: true,
      });
    }
  }
  if (typed.length) console.log(`${role}: no link yet to ${typed.join(', ')} (opened by address)`);
  await context.close();
  expect(problems).toEqual([]);
}

describe('on a 375 px phone', () => {
  it('the overflow check finds a table too wide for the screen', async () => {
    const context = await site.browser.newContext({ baseURL: site.url, viewport: PHONE });
    const page = await context.newPage();
    await page.setContent(
      `<table><tr>${'<td>£1,234,567.89</td>'.repeat(8)}</tr></table><table style="width:300px;table-layout:fixed"><tr><td style="overflow:hidden">${'x'.repeat(200)}</td></tr></table>`,
    );
    const found = await overflows(page);
    expect(found.some((f) => f.startsWith('the page is'))).toBe(true);
    expect(found.some((f) => f.includes('is cut off'))).toBe(true);
    await context.close();
  });

  it('the sign-in page, with its table of demo accounts, fits', async () => {
    const context = await site.browser.newContext({ baseURL: site.url, viewport: PHONE });
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect(await overflows(page)).toEqual([]);
    await expectAccessible(page);
    await context.close();
  });

  it('the person reaches every part of their record and each fits', async () => {
    const my = `/my/${morag}`;
    await walk(
      'person',
      [
        // Signing in with one record lands on its "My support" home (/my goes straight there).
        my,
        `${my}/outcomes`,
        my,
        `${my}/budget`,
        `${my}/budget/what-if`,
        my,
        `${my}/plan`,
        my,
        `${my}/payments`,
        my,
        `/people/${morag}/charging`,
        my,
        `/people/${morag}/who-looked`,
        my,
        `/people/${morag}/export`,
      ],
      [`${my}/budget`, `${my}/payments`, `/people/${morag}/who-looked`],
    );
  }, 240_000);

  it('the representative reaches the record of the person they act for and each fits', async () => {
    const my = `/my/${callum}`;
    await walk(
      'representative',
      [my, `${my}/outcomes`, my, `${my}/budget`, my, `${my}/plan`, my, `${my}/payments`],
      [`${my}/budget`],
    );
  }, 240_000);

  it('the worker’s main pages fit', async () => {
    const person = `/people/${morag}`;
    await walk(
      'worker',
      [
        '/people',
        { search: 'Morag Campbell' },
        person,
        `${person}/outcomes`,
        person,
        `${person}/eligibility`,
        person,
        `${person}/budget`,
        `${person}/options`,
        person,
        `${person}/plan`,
        person,
        `${person}/payments`,
        `${person}/charging`,
      ],
      ['/people', person, `${person}/budget`],
    );
  }, 240_000);

  it('the manager’s, finance’s and administrator’s main pages fit', async () => {
    await walk(
      'manager',
      ['/people', '/budgets/interim', '/reports/equity', '/admin/policies'],
      ['/reports/equity'],
    );
    await walk(
      'finance',
      [
        '/people',
        { search: 'Morag Campbell' },
        `/people/${morag}`,
        `/people/${morag}/payments`,
        '/payments/runs',
        `/payments/runs/${runId}`,
      ],
      ['/payments/runs'],
    );
    // Staff accounts: a table of long e-mail addresses, which must wrap.
    await walk(
      'admin',
      [
        '/admin',
        '/admin/users',
        '/admin',
        '/admin/policies',
        '/admin',
        '/admin/direct-payments',
        '/admin',
        '/admin/eligibility',
        '/admin/eligibility/new',
        '/admin',
        '/admin/options',
        '/admin/options/new',
      ],
      ['/admin/users', '/admin/direct-payments', '/admin/eligibility/new', '/admin/options/new'],
    );
  }, 240_000);
});
