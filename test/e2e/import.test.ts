import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadFiles, withCell } from '../../src/features/imports/caseload.fixtures.ts';
import {
  downloadedText,
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

const asUploads = (files: Record<string, string>) =>
  Object.entries(files).map(([name, text]) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  }));

describe('an administrator imports an existing caseload', () => {
  it('downloads a template, sees a bad row reported by file, row and column, corrects it and commits', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Council set-up' }).first().click();
    await page.getByRole('link', { name: 'Import an existing caseload' }).click();
    expect(await heading(page)).toBe('Import an existing caseload');
    await expectAccessible(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'people.csv' }).click();
    const template = await downloadedText(await download);
    expect(template.split('\r\n')[0]).toMatch(/^person_reference,legal_name,/);

    await page.getByRole('link', { name: 'Read what each column means' }).click();
    expect(await heading(page)).toBe('Import templates and what each column means');
    expect(await textOf(page.getByRole('table', { name: 'Columns of people.csv' }))).toContain('chi_number');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Back' }).click();

    // Choosing nothing is a question error, not a failure.
    await page.getByRole('button', { name: 'Check the files' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Choose at least one CSV file');
    await expectAccessible(page);

    const good = caseloadFiles({ prefix: 'E2E', count: 50, chiOffset: 300, surnamePrefix: 'Brow' });
    const bad = { ...good, 'people.csv': withCell(good['people.csv'], 7, 'date_of_birth', '1970-02-30') };
    await page.getByLabel('CSV files to check').setInputFiles(asUploads(bad));
    await page.getByRole('button', { name: 'Check the files' }).click();
    expect(await heading(page)).toBe('Import check');
    const problems = await textOf(page.getByRole('table', { name: /Every problem found/ }));
    expect(problems).toContain('people.csv');
    expect(problems).toContain('date_of_birth');
    expect(problems).toContain('“1970-02-30” is not a real date');
    expect(await page.getByRole('button', { name: 'Commit import' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'upload the files again' }).click();
    await page.getByLabel('CSV files to check').setInputFiles(asUploads(good));
    await page.getByRole('button', { name: 'Check the files' }).click();
    expect(await heading(page)).toBe('Import check');
    expect(await textOf(page.getByRole('table', { name: 'Rows in each file' }))).toContain('people.csv');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Commit import' }).click();
    expect(await heading(page)).toBe('Caseload imported');
    expect(await textOf(page.getByRole('main'))).toContain('122 rows written');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back to Import an existing caseload' }).click();
    expect(await textOf(page.getByRole('table', { name: /Earlier imports/ }))).toContain('Imported');
    await context.close();
  }, 180_000);
});
