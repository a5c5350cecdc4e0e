import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail } from '../../src/features/accounts/demo-users.ts';
import { approveAndPost, createRun } from '../../src/features/payments/runs/service.ts';
import { SECOND_FINANCE_EMAIL } from '../../src/features/payments/seed.ts';
import { financeAccess } from '../../src/features/payments/payments.fixtures.ts';
import { todayInLondon } from '../../src/platform/dates.ts';
import { startSiteForMorag } from './morag-site.ts';
import { expectAccessible, heading, newPage, type Site, signIn, textOf } from './support.ts';

let site: Site;
let morag: string;
beforeAll(async () => {
  ({ site, morag } = await startSiteForMorag());
});
afterAll(() => site.stop());

describe('a financial assessment', () => {
  it('checks the answers and their effect before saving, then nets the contribution off the payment', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto(`/people/${morag}/charging`);
    expect(await heading(page)).toBe('What you pay towards your support');
    await page.getByRole('button', { name: 'Record a new financial assessment' }).click();
    expect(await heading(page)).toBe('Record a financial assessment');
    await expectAccessible(page);
    // An empty assessment is refused: it is never read as "no income" and saved as £0.
    await page.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Enter at least one income, or say that the person has no income',
    );
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

    // Check your answers: the effect on the contribution and the payment, nothing saved yet.
    expect(await heading(page)).toBe('Check the assessment before you save it');
    let main = await textOf(page.getByRole('main'));
    expect(main).toContain('Nothing has been saved yet');
    expect(main).toContain('Works or private pension: £160.00 a week');
    expect(main).toMatch(/Weekly contribution £[\d.,]+ → £[\d.,]+/);
    expect(main).toMatch(/Direct payment every 4 weeks £[\d.,]+ → £[\d.,]+/);
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/charging-check.png', fullPage: true });
    await page.getByRole('button', { name: 'Change income 2' }).click();
    expect(await heading(page)).toBe('Record a financial assessment');
    expect(await income(2).getByLabel('Amount a week').inputValue()).toBe('160');
    expect(await income(1).getByRole('textbox', { name: 'Evidence seen' }).inputValue()).toBe('DWP letter');
    await income(2).getByLabel('Amount a week').fill('150');
    await page.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await textOf(page.getByRole('main'))).toContain('Works or private pension: £150.00 a week');
    await page.getByRole('button', { name: 'Save the assessment' }).click();

    expect(await heading(page)).toBe('What you pay towards your support');
    main = await textOf(page.getByRole('main'));
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

    // The period from that date is paid (one officer creates the run, another approves it) ...
    const db = site.database.db;
    const { run } = await createRun(
      db,
      await financeAccess(db, demoEmail('finance'), 'e2e'),
      todayInLondon(),
    );
    await approveAndPost(db, await financeAccess(db, SECOND_FINANCE_EMAIL, 'e2e'), run.id);

    // ... and then the assessment is found to be wrong: a correction puts the payment right.
    await page.goto(`/people/${morag}/charging`);
    await page.getByRole('button', { name: 'Correct this assessment' }).click();
    expect(await heading(page)).toBe('Correct the financial assessment');
    expect(await income(2).getByLabel('Amount a week').inputValue()).toBe('150.00');
    await income(2).getByLabel('Amount a week').fill('350');
    await page.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Say why the assessment is being corrected');
    await expectAccessible(page);
    await page
      .getByLabel('Why is the assessment being corrected?')
      .fill('The works pension is £350 a week: the pension statement was misread.');
    await page.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await heading(page)).toBe('Check the assessment before you save it');
    main = await textOf(page.getByRole('main'));
    expect(main).toContain('Payments already made that will be put right');
    expect(main).toContain('was paid too much and will be taken back');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/charging-correction.png', fullPage: true });
    await page.getByRole('button', { name: 'Save the correction' }).click();
    expect(await heading(page)).toBe('What you pay towards your support');
    main = await textOf(page.getByRole('main'));
    expect(main).toContain('The current assessment corrected an earlier one');
    expect(main).toContain('Earlier assessments');
    await expectAccessible(page);
    await page.goto(`/people/${morag}/payments`);
    expect(await textOf(page.getByRole('main'))).toContain('Financial assessment corrected');
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
