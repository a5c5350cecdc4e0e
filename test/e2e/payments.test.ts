import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { SECOND_FINANCE_EMAIL } from '../../src/features/payments/seed.ts';
import { personWithAgreedPlan } from '../../src/features/payments/payments.fixtures.ts';
import { startSiteForMorag } from './morag-site.ts';
import { downloadedText, expectAccessible, heading, newPage, type Site, signIn, textOf } from './support.ts';

let site: Site;
let morag: string;
beforeAll(async () => {
  ({ site, morag } = await startSiteForMorag());
});
afterAll(() => site.stop());

describe('a finance officer', () => {
  it('runs a payment cycle, a second officer approves the totals, and downloads the bank file', async () => {
    let { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto('/payments/runs');
    expect(await heading(page)).toBe('Direct-payment runs');
    await expectAccessible(page);
    const next = addDays(todayInLondon(), 7).split('-');
    await page.getByLabel('Day').fill(String(Number(next[2])));
    await page.getByLabel('Month').fill(String(Number(next[1])));
    await page.getByLabel('Year').fill(next[0]!);
    await page.getByRole('button', { name: 'Work out the payments due' }).click();
    expect(await heading(page)).toMatch(/^Payment run for/);
    expect(await textOf(page.getByRole('table'))).toContain('Morag Campbell');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/payments-run.png', fullPage: true });
    expect(await textOf(page.getByRole('main'))).toContain('You created this run');
    const runPage = page.url();
    // Two people: the officer who created the run is refused, with the reason in the summary.
    await page.getByRole('button', { name: /Approve and pay/ }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'You created this payment run, so you cannot approve it too',
    );
    expect(await textOf(page.getByRole('main'))).toContain('Waiting for approval');
    await expectAccessible(page);
    await context.close();

    // The second finance officer approves it.
    ({ context, page } = await newPage(site));
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(SECOND_FINANCE_EMAIL);
    await page.getByLabel('Password').fill('demo-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as').waitFor();
    await page.goto(runPage);
    await page.getByRole('button', { name: /Approve and pay/ }).click();
    await page.getByText('Paid').first().waitFor();
    const who = await textOf(page.getByRole('main'));
    expect(who).toContain('Created by Alan Murray');
    expect(who).toContain('Approved by Neil Brodie');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the bank file (CSV)' }).click();
    const file = await downloadedText(await download);
    expect(file.split('\n')[0]).toBe('Sort code,Account number,Account name,Amount,Reference');
    expect(file).toContain('608371,31926819,MORAG CAMPBELL');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Remittances for each person' }).click();
    expect(await textOf(page.getByRole('main'))).toContain('account ending 6819');
    await expectAccessible(page);
    await context.close();
  });

  it('sees Morag’s agreement with the account masked', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto(`/people/${morag}/payments`);
    expect(await heading(page)).toBe('Direct payment');
    const main = await textOf(page.getByRole('main'));
    expect(main).toContain('Account ending ****6819');
    expect(main).not.toContain('31926819');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/payments-person.png', fullPage: true });
    await context.close();
  });
});

describe('a change of the payment from a date', () => {
  it('shows the old and new payment on a check page before it is saved', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto(`/people/${morag}/payments`);
    await page.getByRole('link', { name: 'Change the payment from a date' }).click();
    expect(await heading(page)).toBe('Change the direct payment');
    await page.getByRole('button', { name: 'Check the change' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Say why the payment is changing');
    await expectAccessible(page);
    const [y, m, d] = addDays(todayInLondon(), 40).split('-');
    const group = page.getByRole('group', { name: 'New amounts start on' });
    await group.getByLabel('Day').fill(String(Number(d)));
    await group.getByLabel('Month').fill(String(Number(m)));
    await group.getByLabel('Year').fill(y!);
    await page.getByLabel('Why is the payment changing?').fill('Plan reviewed');
    await page.getByRole('button', { name: 'Check the change' }).click();
    expect(await heading(page)).toBe('Check the change before you save it');
    expect(await textOf(page.getByRole('main'))).toMatch(/Direct payment every 4 weeks £[\d.,]+ → £[\d.,]+/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Change why the payment is changing' }).click();
    expect(await page.getByLabel('Why is the payment changing?').inputValue()).toBe('Plan reviewed');
    await page.getByLabel('Why is the payment changing?').fill('Support plan reviewed in the summer');
    await page.getByRole('button', { name: 'Check the change' }).click();
    await page.getByRole('button', { name: 'Save the change' }).click();
    expect(await heading(page)).toBe('Direct payment');
    expect(await textOf(page.getByRole('main'))).toContain('Support plan reviewed in the summer');
    await context.close();
  });
});

describe('setting up a direct payment', () => {
  it('shows what will be paid, the account masked, on a check page before it is saved', async () => {
    const id = await personWithAgreedPlan(site.database.db, site.authorityId, 'Nan Setup', [15_000, 5_050]);
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto(`/people/${id}/payments`);
    await page.getByRole('button', { name: 'Set up the direct payment' }).click();
    expect(await heading(page)).toBe('Set up the direct payment');
    await page.getByLabel('Monthly').check();
    const start = page.getByRole('group', { name: 'First day covered' });
    await start.getByLabel('Day').fill('6');
    await start.getByLabel('Month').fill('4');
    await start.getByLabel('Year').fill('2026');
    await page.getByLabel('A managed account provider').check();
    await page.getByLabel('Name on the account').fill('Account Co');
    await page.getByLabel('Sort code').fill('20 00 00');
    await page.getByLabel('Account number').fill('55779911');
    await page.getByRole('button', { name: 'Set up the direct payment' }).click();
    expect(await heading(page)).toBe('Check the direct payment before you save it');
    let main = await textOf(page.getByRole('main'));
    expect(main).toContain('Nothing has been saved yet');
    expect(main).toMatch(/Direct payment each month\s*£868\.83/);
    expect(main).toContain('Account ending ****9911');
    expect(await page.content()).not.toContain('55779911');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/payments-setup-check.png', fullPage: true });
    // Change keeps every answer, the account number too.
    await page.getByRole('button', { name: 'Change name on the account' }).click();
    expect(await heading(page)).toBe('Set up the direct payment');
    expect(await page.getByLabel('Account number').inputValue()).toBe('55779911');
    expect(await page.getByLabel('Monthly').isChecked()).toBe(true);
    await page.getByLabel('Name on the account').fill('Account Co Ltd');
    await page.getByRole('button', { name: 'Set up the direct payment' }).click();
    expect(await textOf(page.getByRole('main'))).toContain('Account Co Ltd');
    await page.getByRole('button', { name: 'Set up the direct payment' }).click();
    expect(await heading(page)).toBe('Direct payment');
    main = await textOf(page.getByRole('main'));
    expect(main).toContain('Account ending ****9911');
    expect(main).toContain('£868.83');
    await context.close();
  });
});

describe('a correction of a change of the payment', () => {
  it('asks why, shows the check page and saves a superseding version', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'finance');
    await page.goto(`/people/${morag}/payments`);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Support plan reviewed in the summer' })
      .getByRole('link', { name: /Correct this change/ })
      .click();
    expect(await heading(page)).toBe('Correct the change');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Check the correction' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Say why the change is being corrected');
    await expectAccessible(page);
    await page.getByLabel('Why is this change being corrected?').fill('The review date was keyed twice');
    await page.getByRole('button', { name: 'Check the correction' }).click();
    expect(await heading(page)).toBe('Check the correction before you save it');
    const main = await textOf(page.getByRole('main'));
    expect(main).toMatch(/Direct payment every 4 weeks £[\d.,]+ → £[\d.,]+/);
    expect(main).toContain('nothing to put right');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/payments-correction-check.png', fullPage: true });
    await page.getByRole('button', { name: 'Save the correction' }).click();
    expect(await heading(page)).toBe('Direct payment');
    const changes = page.getByRole('listitem');
    expect(await textOf(changes.filter({ hasText: 'Support plan reviewed in the summer' }))).toContain(
      'Corrected',
    );
    await changes
      .filter({ hasText: 'The review date was keyed twice' })
      .getByRole('link', { name: /Correct this change/ })
      .waitFor();
    await expectAccessible(page);
    await context.close();
  });
});

describe('a return with money building up', () => {
  it('opens a surplus review that is resolved with the person’s say', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'person');
    await page.goto(`/my/${morag}/payments`);
    expect(await heading(page)).toBe('Your direct payment');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Send a return' }).click();
    await page.getByRole('button', { name: 'Send the return' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('There is a problem');
    await expectAccessible(page);
    const fill = async (legend: string, iso: string) => {
      const [y, m, d] = iso.split('-');
      const group = page.getByRole('group', { name: legend });
      await group.getByLabel('Day').fill(String(Number(d)));
      await group.getByLabel('Month').fill(String(Number(m)));
      await group.getByLabel('Year').fill(y!);
    };
    await fill('First day of the period', '2026-04-01');
    await fill('Last day of the period', '2026-04-28');
    await page.getByLabel('Money in the account on the first day').fill('100');
    await page.getByLabel('Direct payments received').fill('1000');
    await page.getByLabel('Personal assistants’ wages').fill('700');
    await page.getByLabel('Employer costs').fill('100');
    await page.getByLabel('Care agency bills').fill('0');
    await page.getByLabel('Other things for your support').fill('50');
    await page.getByLabel('Money in the account on the last day').fill('9250');
    await page.getByRole('button', { name: 'Send the return' }).click();
    expect(await heading(page)).toBe('Money building up in the account');
    await expectAccessible(page);
    await page.getByLabel('What is the money for?').fill('I am saving for a short break with my PA in July.');
    await page.getByRole('button', { name: 'Send your answer' }).click();
    expect(await textOf(page.getByRole('main'))).toContain('saving for a short break');
    await context.close();

    const staff = await newPage(site);
    await signIn(staff.page, 'finance');
    await staff.page.goto(`/people/${morag}/payments`);
    await staff.page
      .getByRole('link', { name: /Surplus of/ })
      .first()
      .click();
    await staff.page.getByLabel('The person keeps it').check();
    await staff.page
      .getByLabel('Reason, in words the person will read')
      .fill('Saving for a planned short break is a good use of the money.');
    await expectAccessible(staff.page);
    await staff.page.screenshot({ path: '/tmp/payments-surplus.png', fullPage: true });
    await staff.page.getByRole('button', { name: 'Record the decision' }).click();
    const main = await textOf(staff.page.getByRole('main'));
    expect(main).toContain('You keep the money.');
    expect(main).toContain('Saving for a planned short break');
    await staff.context.close();
  });
});
