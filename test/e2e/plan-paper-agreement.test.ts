import { sql } from 'drizzle-orm';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { formatDate, todayInLondon } from '../../src/platform/dates.ts';
import { generousBudget } from '../../src/features/budgets/budgets.fixtures.ts';
import { pdfText } from '../support/pdf-text.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

/**
 * Issue 14's second journey: Nessie has no account. Her worker shares a new version of her plan,
 * records that she agreed it on paper (with a scanned copy), and sends it for a decision; a manager
 * agrees it; the plan page and the printed plan say how she agreed it.
 */
let site: Site;
let nessie: string;
const today = todayInLondon();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const sentence = `Nessie agreed this plan on paper on ${formatDate(today)}. Witnessed by Sam Lee, social worker. A scanned copy is kept.`;

beforeAll(async () => {
  site = await startSite();
  const db = site.database.db;
  nessie = (await rows<{ id: string }>(db, sql`select id from people where preferred_name = 'Nessie'`))[0]!
    .id;
  // A budget comfortably above the plan, so the decision is about how it was agreed.
  await generousBudget(site, nessie);
});
afterAll(() => site.stop());

describe('a plan agreed on paper by someone without an account', () => {
  it('is recorded by the worker with a scan, agreed by a manager, and says how it was agreed', async () => {
    const worker = await newPage(site);
    const page = worker.page;
    await signIn(page, 'worker');
    await page.goto('/people');
    await page
      .getByRole('link', { name: /Nessie|Agnes Thomson/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: /support plan/i })
      .first()
      .click();
    expect(new URL(page.url()).pathname).toBe(`/people/${nessie}/plan`);
    await page.getByRole('button', { name: 'Start a new version' }).click();
    await page.getByRole('button', { name: 'Share the plan to be signed' }).click();
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Ready for you to sign');

    await page.getByRole('link', { name: 'Record how Nessie agreed the plan' }).click();
    expect(await heading(page)).toBe('How did Nessie agree the plan?');
    await expectAccessible(page);

    // A date in the future is refused, with the answers kept.
    await page.getByLabel('Signed on paper').check();
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill(String(Number(today.slice(0, 4)) + 1));
    await page.getByLabel('Witness’s name').fill('Sam Lee');
    await page.getByLabel('Witness’s role').fill('social worker');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('must be today or in the past');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: '/tmp/plan-agreement-form-375.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.getByLabel('Witness’s name').inputValue()).toBe('Sam Lee');
    await expectAccessible(page);

    const [year, month, day] = today.split('-');
    await page.getByLabel('Day').fill(String(Number(day)));
    await page.getByLabel('Month').fill(String(Number(month)));
    await page.getByLabel('Year').fill(year!);
    await page.getByLabel('Scanned copy (optional)').setInputFiles({
      name: 'nessie-signed-plan.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the agreement before you save it');
    const answers = await textOf(page.locator('.govuk-summary-list'));
    expect(answers).toContain('Signed on paper');
    expect(answers).toContain('Sam Lee, social worker');
    expect(answers).toContain('nessie-signed-plan.pdf (PDF');
    await page.screenshot({ path: '/tmp/plan-agreement-check.png', fullPage: true });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save the agreement' }).click();

    expect(await textOf(page.getByText('How the plan was agreed is recorded.'))).toBeTruthy();
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Signed');
    expect(await textOf(page.locator('#how-agreed'))).toBe(sentence);
    await page.locator('#agreement-record').screenshot({ path: '/tmp/plan-agreement-recorded.png' });
    await expectAccessible(page);
    // The scan comes back through the audited download, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the scanned copy/ }).click(),
    ]);
    expect((await buffer(await download.createReadStream())).equals(PDF)).toBe(true);
    await page.getByRole('button', { name: 'Send the plan for a decision' }).click();
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Waiting for a decision');
    await worker.context.close();

    const manager = await newPage(site);
    await signIn(manager.page, 'manager');
    await manager.page.goto(`/people/${nessie}/plan`);
    await manager.page.getByRole('link', { name: 'Decide on this plan' }).click();
    expect(await textOf(manager.page.locator('#how-agreed'))).toBe(sentence);
    await manager.page.getByLabel('Agree the plan').check();
    await manager.page.getByRole('button', { name: 'Save the decision' }).click();
    expect(await textOf(manager.page.locator('#plan-state .govuk-tag'))).toBe('Agreed');
    expect(await textOf(manager.page.locator('#how-agreed'))).toBe(sentence);
    expect(await textOf(manager.page.locator('table').last())).toContain(sentence);
    await expectAccessible(manager.page);

    const pdf = await manager.page.request.get(`/people/${nessie}/plan.pdf`);
    expect(pdfText(await pdf.body()).replace(/\s+/g, ' ')).toContain(sentence);
    await manager.context.close();
  });
});
