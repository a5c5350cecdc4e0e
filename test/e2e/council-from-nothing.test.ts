import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATOR } from '../../src/features/accounts/demo-users.ts';
import { caseloadFiles, withCell } from '../../src/features/imports/caseload.fixtures.ts';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.stop());

const asUploads = (files: Record<string, string>) =>
  Object.entries(files).map(([name, text]) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  }));

async function fillDate(page: Page, iso: string) {
  const [year, month, day] = iso.split('-');
  await page.getByLabel('Day', { exact: true }).fill(String(Number(day)));
  await page.getByLabel('Month', { exact: true }).fill(String(Number(month)));
  await page.getByLabel('Year', { exact: true }).fill(year!);
}

async function setPassword(page: Page, link: string, email: string, password: string) {
  await page.goto(link);
  expect(await heading(page)).toBe('Set your password');
  await expectAccessible(page);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const setUp = async (page: Page, link: string) => {
  await page.getByRole('link', { name: 'Council set-up' }).first().click();
  await page.getByRole('link', { name: link, exact: true }).click();
};

const ADMIN = { name: 'Priya Mistry', email: 'priya.mistry@fenmoor.example', password: 'fenmoor-admin-pass' };
const WORKER = { name: 'Tom Ashby', email: 'tom.ashby@fenmoor.example', password: 'fenmoor-worker-pass' };

/**
 * Issue 15's journey: an English council from nothing — created by the operator, set up by its first
 * administrator through the pages alone, its caseload imported (three bad rows reported, fixed,
 * committed) — and its worker sees those people while the Scottish council's worker sees none.
 */
describe('an English council from nothing', () => {
  it('is created, set up, imports its caseload, and only its own staff see the people', async () => {
    // 1. The operator creates the council.
    const operator = await newPage(site);
    let page = operator.page;
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(DEMO_OPERATOR.email);
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await heading(page)).toBe('Councils');
    await page.getByRole('button', { name: 'Create a council' }).click();
    await page.getByLabel('England').check();
    await page.getByLabel('Council name').fill('Fenmoor District Council');
    await page.getByLabel('Code', { exact: true }).fill('fenmoor');
    await page.getByLabel('Address line 1').fill('Fenmoor House');
    await page.getByLabel('Town or city').fill('Fenmoor');
    await page.getByLabel('Postcode').fill('ZZ3 3ZZ');
    await page.getByLabel('Email address for the public').fill('adult.care@fenmoor.example');
    await page.getByLabel('Data controller', { exact: true }).fill('Fenmoor District Council');
    await page.getByLabel('Data controller’s address').fill('Fenmoor House\nFenmoor\nZZ3 3ZZ');
    await page.getByLabel('Data controller’s email address').fill('information.rights@fenmoor.example');
    await page.getByLabel('Data protection officer’s email address').fill('dpo@fenmoor.example');
    await page.getByLabel('ICO registration number').fill('Z1234987');
    await page.getByLabel('Full name').fill(ADMIN.name);
    await page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the new council before you create it');
    await page.getByRole('button', { name: 'Create the council' }).click();
    expect(await heading(page)).toContain('Council created');
    const adminLink = await textOf(page.locator('#invitation-link'));
    await operator.context.close();

    // 2. The first administrator sets a password and sets the council up.
    const admin = await newPage(site);
    page = admin.page;
    await setPassword(page, adminLink, ADMIN.email, ADMIN.password);
    expect(await heading(page)).toBe('Council set-up');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await textOf(page.locator('header'))).toContain('Fenmoor District Council');
    await expectAccessible(page);

    // A team.
    await setUp(page, 'Teams');
    expect(await textOf(page.getByRole('main'))).toContain('The council has no teams yet.');
    await expectAccessible(page);
    await page.getByLabel('Team name').fill('Fenmoor Adults North');
    await page.getByRole('button', { name: 'Add team' }).click();
    expect(await textOf(page.getByRole('main'))).toContain('Fenmoor Adults North');

    // A budget policy: units and rates, from tomorrow (publishing is never in the past).
    const from = addDays(todayInLondon(), 1);
    await setUp(page, 'Budget policies');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Fenmoor budget policy 2026/27');
    await fillDate(page, from);
    await page.getByLabel('Contingency').fill('5');
    await page.getByLabel('Code (unit 1)').fill('personal_care');
    await page.getByLabel('What it buys (unit 1)').fill('Personal care at home');
    await page.getByLabel('One unit is (unit 1)').fill('hour');
    await page.getByLabel('Rate (unit 1)').fill('24.50');
    await page.getByLabel('Code (unit 2)').fill('day_opportunity');
    await page.getByLabel('What it buys (unit 2)').fill('A day doing things in the community');
    await page.getByLabel('One unit is (unit 2)').fill('session');
    await page.getByLabel('Rate (unit 2)').fill('48.00');
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Fenmoor budget policy 2026/27');
    await expectAccessible(page);
    await page.getByLabel(/I have read the re-pricing report/).check();
    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published');

    // A charging policy: England's figures.
    await setUp(page, 'Charging policy');
    expect(await heading(page)).toBe('Charging policy');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Fenmoor charging 2026/27');
    await fillDate(page, from);
    await page.getByRole('button', { name: 'Save and check the draft' }).click();
    expect(await heading(page)).toBe('Fenmoor charging 2026/27');
    await expectAccessible(page);
    await page.getByLabel(/I have checked each figure/).check();
    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Fenmoor charging 2026/27');

    // An eligibility policy: the Care Act test, with the council's review route.
    await setUp(page, 'Eligibility policy');
    expect(await heading(page)).toBe('Eligibility policy');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Draft a new version' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Fenmoor eligibility 2026');
    await fillDate(page, from);
    await page
      .getByLabel('How a person asks for a decision to be looked at again')
      .fill('Ask your social worker, or write to Adult Care, Fenmoor House, within 28 days.');
    await page
      .getByLabel('Where people who are not eligible can find help')
      .fill('Fenmoor Community Hub, Market Street, open weekdays 9 to 5.');
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Fenmoor eligibility 2026');
    await expectAccessible(page);
    await page.getByLabel(/I have checked each setting/).check();
    await page.getByRole('button', { name: 'Publish this version' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published eligibility policy');

    // The deployment routes offered.
    await setUp(page, 'Ways of getting support');
    expect(await heading(page)).toBe('Deployment routes');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Draft new settings' }).click();
    await expectAccessible(page);
    await page.getByLabel('Version name').fill('Fenmoor deployment routes 2026');
    await fillDate(page, from);
    await page.getByRole('button', { name: 'Check and save the draft' }).click();
    expect(await heading(page)).toBe('Fenmoor deployment routes 2026');
    await expectAccessible(page);
    await page.getByLabel(/I have checked each setting/).check();
    await page.getByRole('button', { name: 'Publish these settings' }).click();
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Published deployment routes');

    // A social worker invited into the team.
    await setUp(page, 'Staff accounts');
    await expectAccessible(page);
    await page.getByLabel('Full name').fill(WORKER.name);
    await page.getByLabel('Email address').fill(WORKER.email);
    await page.getByLabel('Role').selectOption({ value: 'worker' });
    await page.getByLabel('Team').selectOption({ label: 'Fenmoor Adults North' });
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const workerLink = await textOf(page.locator('#invitation-link'));
    expect(workerLink).toMatch(/^\/invitation\/.+/);
    await expectAccessible(page);
    const worker = await newPage(site);
    await setPassword(worker.page, workerLink, WORKER.email, WORKER.password);
    await worker.page.getByText('Signed in as').waitFor();

    // 3. The caseload: 50 people, three bad rows, reported by file, row and column.
    await setUp(page, 'Import an existing caseload');
    expect(await heading(page)).toBe('Import an existing caseload');
    const good = caseloadFiles({
      prefix: 'FEN',
      count: 50,
      chiOffset: 600,
      surnamePrefix: 'Fenwick-',
      workerEmail: WORKER.email,
    });
    let people = withCell(good['people.csv'], 7, 'date_of_birth', '1970-02-30');
    people = withCell(people, 19, 'client_group', 'martians');
    const bad = {
      ...good,
      'people.csv': people,
      'outcomes.csv': withCell(good['outcomes.csv'], 33, 'area', 'the_moon'),
    };
    await page.getByLabel('CSV files to check').setInputFiles(asUploads(bad));
    await page.getByRole('button', { name: 'Check the files' }).click();
    expect(await heading(page)).toBe('Import check');
    const problems = page.getByRole('table', { name: /Every problem found/ });
    const rows = await problems.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    const flat = rows.map((r) => r.replace(/\s+/g, ' ').trim());
    expect(flat[0]).toMatch(/people\.csv.*7.*date_of_birth.*1970-02-30/);
    expect(flat[1]).toMatch(/people\.csv.*19.*client_group/);
    expect(flat[2]).toMatch(/outcomes\.csv.*33.*area/);
    expect(await page.getByRole('button', { name: 'Commit import' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'upload the files again' }).click();
    await page.getByLabel('CSV files to check').setInputFiles(asUploads(good));
    await page.getByRole('button', { name: 'Check the files' }).click();
    expect(await textOf(page.getByRole('table', { name: 'Rows in each file' }))).toContain('50');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Commit import' }).click();
    expect(await heading(page)).toBe('Caseload imported');
    await expectAccessible(page);
    await admin.context.close();

    // 4. The new worker sees the 50 people and opens one.
    page = worker.page;
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    expect(new URL(page.url()).pathname).toBe('/people');
    expect(await textOf(page.locator('#result-count'))).toMatch(/^50 people found/);
    expect(await textOf(page.getByRole('main'))).toContain('Fenwick-');
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /Fenwick-/ })
      .first()
      .click();
    expect(await textOf(page.getByRole('main'))).toContain('Fenwick-');
    await expectAccessible(page);
    await worker.context.close();

    // The Scottish demo worker finds none of them.
    const scot = await newPage(site);
    await signIn(scot.page, 'worker');
    await scot.page.getByRole('link', { name: 'People', exact: true }).first().click();
    expect(await textOf(scot.page.getByRole('main'))).not.toContain('Fenwick-');
    await scot.page.getByLabel('Name, CHI or NHS number').fill('Fenwick');
    await scot.page.getByRole('button', { name: 'Search' }).click();
    expect(await textOf(scot.page.locator('#result-count'))).toMatch(/^0 people found/);
    expect(await textOf(scot.page.getByRole('main'))).toContain('No one matches');
    await scot.context.close();

    // The council's public pages, its privacy notice naming the data controller.
    const visitor = await newPage(site);
    await visitor.page.goto('/');
    await visitor.page.getByRole('link', { name: 'Fenmoor District Council', exact: true }).click();
    expect(await textOf(visitor.page.getByRole('main'))).toContain('Fenmoor');
    await expectAccessible(visitor.page);
    await visitor.page.getByRole('link', { name: 'How we work out budgets' }).first().click();
    expect(await heading(visitor.page)).toBe('How we work out budgets');
    await expectAccessible(visitor.page);
    await visitor.page
      .getByRole('link', { name: /[Pp]rivacy/ })
      .first()
      .click();
    const privacy = await textOf(visitor.page.getByRole('main'));
    expect(privacy).toContain('Fenmoor District Council');
    expect(privacy).toContain('information.rights@fenmoor.example');
    expect(privacy).toContain('Z1234987');
    await expectAccessible(visitor.page);
    await visitor.context.close();
  }, 300_000);
});
