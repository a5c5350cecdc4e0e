import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteForMorag } from './morag-site.ts';
import { expectAccessible, heading, newPage, type Site, signIn, textOf } from './support.ts';

let site: Site;
let morag: string;
beforeAll(async () => {
  ({ site, morag } = await startSiteForMorag());
});
afterAll(() => site.stop());

describe('a financial assessment', () => {
  it('produces a contribution explained line by line, with a letter, that nets off the payment', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto(`/people/${morag}/charging`);
    expect(await heading(page)).toBe('What you pay towards your support');
    await page.getByRole('button', { name: 'Record a new financial assessment' }).click();
    expect(await heading(page)).toBe('Record a financial assessment');
    await expectAccessible(page);
    const income = (n: number) => page.getByRole('group', { name: `Income ${n}` });
    await income(1).getByLabel('Kind').selectOption('esa');
    await income(1).getByLabel('Amount a week').fill('140');
    await income(1).getByRole('textbox', { name: 'Evidence seen' }).fill('DWP letter');
    await income(2).getByLabel('Kind').selectOption('occupational_pension');
    await income(2).getByLabel('Amount a week').fill('160');
    await page.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Say what evidence was seen');
    await expectAccessible(page);
    await income(2).getByRole('textbox', { name: 'Evidence seen' }).fill('Pension statement');
    await page.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await heading(page)).toBe('What you pay towards your support');
    const main = await textOf(page.getByRole('main'));
    expect(main).toContain('Employment and Support Allowance (counted)');
    expect(main).toContain('Less the income you keep');
    expect(main).toContain('taken off the direct payment');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/charging.png', fullPage: true });
    const pdf = await page.request.get(`/people/${morag}/charging/letter.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.goto(`/people/${morag}/payments`);
    expect(await textOf(page.getByRole('main'))).toContain('New financial assessment');
    await context.close();
  });

  it('the person reads it and asks for a review', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto(`/people/${morag}/charging`);
    await expectAccessible(page);
    await page.getByLabel('What do you think is wrong or missing?').fill('My pension went down in April.');
    await page.getByRole('button', { name: 'Ask us to look again' }).click();
    expect(await textOf(page.getByRole('main'))).toContain('My pension went down in April.');
    await context.close();
  });
});
