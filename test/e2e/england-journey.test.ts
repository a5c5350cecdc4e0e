import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApproverEmail, demoEmail } from '../../src/features/accounts/demo-users.ts';
import { addDays, todayInLondon } from '../../src/platform/dates.ts';
import { apiToken, bearer } from '../support/app.ts';
import { expectAccessible, heading, newPage, type Site, signInAs, startSite, textOf } from './support.ts';

/**
 * Issue 15's English journey, in one go, in the English demo council (Demo Borough Council):
 * a worker records a new person and decides eligibility under the Care Act 2014 (the
 * Care and Support (Eligibility Criteria) Regulations 2015), works out a budget at the
 * council's rates, records the plan agreed on paper; a manager agrees it; a finance officer
 * sets up the direct payment and records a financial assessment under the Care and Support
 * (Charging and Assessment of Resources) Regulations 2014 (minimum income guarantee,
 * disability-related expenditure); one finance officer creates the payment run and a second
 * approves it; the person's payments page shows the payment made, the contribution taken
 * off it, and how the contribution was worked out.
 *
 * Writing the plan's words is done through the API as the worker (the plan pages have their
 * own journeys); everything else is clicked.
 */
const BOROUGH = 'demo-borough';
let site: Site;
let worker: string;
beforeAll(async () => {
  site = await startSite();
  worker = await apiToken(site.app, demoEmail('worker', BOROUGH));
}, 120_000);
afterAll(() => site.stop());

async function api(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await site.app.inject({ method, url: `/api/v1${url}`, headers: bearer(worker), payload });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

const dateParts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

describe('an English person, from referral to a paid direct payment', () => {
  it('is referred, found eligible under the Care Act, budgeted, planned, assessed for charging and paid', async () => {
    const today = todayInLondon();
    const { context, page } = await newPage(site);
    await signInAs(page, demoEmail('worker', BOROUGH));
    expect(await textOf(page.locator('header'))).toContain('Demo Borough Council');

    // The referral.
    await page.getByRole('link', { name: 'Record a new person' }).first().click();
    await page.getByLabel('Full legal name').fill('Priya Shah');
    await page.getByLabel('Day').first().fill('12');
    await page.getByLabel('Month').first().fill('5');
    await page.getByLabel('Year').first().fill('1979');
    await page.getByLabel('Physical disability').check();
    await page.getByLabel('NHS number (optional)').fill('943 476 5919');
    await page.getByLabel('Who made contact').fill('Her GP');
    await page.getByLabel('Why they made contact').fill('Needs help at home after a spinal injury.');
    await page.getByLabel('Soon – within a few weeks').check();
    await page.locator('#crisis-2').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('Priya Shah');
    const personId = new URL(page.url()).pathname.split('/')[2]!;

    // What she wants, in her words (typed in by the worker at the visit).
    await api('POST', `/people/${personId}/outcomes`, {
      personWords: 'I want to get myself up and out to work in the mornings',
      area: 'daily_living',
    });

    // Eligibility under the Care Act: needs from an impairment, two outcomes she cannot achieve,
    // a significant impact on her wellbeing.
    await page.getByRole('link', { name: 'Eligibility', exact: true }).click();
    await page.getByRole('button', { name: /eligibility decision|Decide eligibility/ }).click();
    expect(await heading(page)).toBe('Decide eligibility');
    await expectAccessible(page);
    const group = (name: string) => page.getByRole('group', { name });
    await group('Do the needs come from a physical or mental impairment or illness?')
      .getByLabel('Yes')
      .check();
    await page
      .getByLabel('What shows this (impairment or illness)')
      .fill('Spinal injury in March; the consultant’s letter.');
    for (const outcome of ['Maintaining personal hygiene', 'Being appropriately clothed']) {
      await group(outcome).getByLabel('Unable without assistance').check();
      await page.getByLabel(`What shows this (${outcome.toLowerCase()})`).fill('Seen at the home visit.');
    }
    const wellbeing = group("As a result, is there a significant impact on the person's wellbeing?");
    await wellbeing.getByLabel('Yes').check();
    await page
      .getByLabel('What shows this (wellbeing)')
      .fill('She has not been able to go to work since March.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    expect(await textOf(page.getByRole('main').locator('.govuk-tag').first())).toBe('Eligible');
    await expectAccessible(page);

    // A budget at the council's rates.
    await page.getByRole('link', { name: 'Go to the budget' }).click();
    await page.getByRole('button', { name: /indicative budget/ }).click();
    await page.getByLabel('Outcome (need 1)').selectOption({ index: 1 });
    await page.getByLabel('Support (need 1)').selectOption('pa_hour');
    await page.getByLabel('How many a week (need 1)').fill('10');
    await page.getByLabel('Why this budget is being worked out').fill('First assessment');
    await page.getByRole('button', { name: 'Work out and save the budget' }).click();
    expect(await heading(page)).toBe('Budget');
    await expectAccessible(page);

    // The plan, written with her, taken as a direct payment, and shared.
    const started = await api('GET', `/people/${personId}/plan`);
    const content = started.content;
    content.outcomes[0].howMet = 'A personal assistant she employs helps her get ready each morning';
    content.costLines = [
      {
        outcomeRef: content.outcomes[0].ref,
        description: 'Personal assistant, weekday mornings',
        providerKind: 'personal_assistant',
        frequency: '2 hours, five mornings a week',
        weeklyCost: 15_000,
        fundingStream: 'council_social_care',
        sdsOption: 1,
      },
    ];
    content.contingency = 'If her assistant is ill, her sister helps and the agency sends cover.';
    const saved = await api('PUT', `/people/${personId}/plan`, { rowVersion: null, content });
    await api('POST', `/people/${personId}/plan/share`, { rowVersion: saved.rowVersion });

    // She agreed it on paper at the visit: the worker records that and sends it for a decision.
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    await page.getByRole('link', { name: 'Priya Shah' }).first().click();
    await page.getByRole('link', { name: 'Support plan', exact: true }).click();
    await page.getByRole('link', { name: /^Record how .* agreed the plan$/ }).click();
    await page.getByLabel('Signed on paper').check();
    const signed = dateParts(today);
    await page.getByLabel('Day').fill(signed.day);
    await page.getByLabel('Month').fill(signed.month);
    await page.getByLabel('Year').fill(signed.year);
    await page.getByLabel('Witness’s name').fill('Jo Okafor');
    await page.getByLabel('Witness’s role').fill('social worker');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the agreement before you save it');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('button', { name: /Send .*for a decision|Submit/ }).click();
    await context.close();

    // A manager agrees it.
    const manager = await newPage(site);
    await signInAs(manager.page, demoEmail('manager', BOROUGH));
    await manager.page.getByRole('link', { name: 'People', exact: true }).first().click();
    await manager.page.getByRole('link', { name: 'Priya Shah' }).click();
    await manager.page.getByRole('link', { name: 'Support plan', exact: true }).click();
    await manager.page.getByRole('link', { name: 'Decide on this plan' }).click();
    await manager.page.getByLabel('Agree the plan').check();
    await manager.page.getByRole('button', { name: 'Save the decision' }).click();
    await manager.page.screenshot({ path: '/tmp/eng-mgr.png', fullPage: true });
    expect(await textOf(manager.page.locator('#plan-state .govuk-tag'))).toBe('Agreed');
    await manager.context.close();

    // Finance first assesses what she pays, then sets up the direct payment into her own account.
    const finance = await newPage(site);
    const f = finance.page;
    await signInAs(f, demoEmail('finance', BOROUGH));
    // The financial assessment, England's way: income less the minimum income guarantee and
    // her disability-related costs; her savings are under the lower capital limit.
    await f.getByRole('link', { name: 'People', exact: true }).first().click();
    await f.getByRole('link', { name: 'Priya Shah' }).first().click();
    await f.getByRole('link', { name: 'Payments', exact: true }).click();
    await f.getByRole('link', { name: 'Financial assessment and contribution' }).click();
    expect(await heading(f)).toBe('What you pay towards your support');
    await f.getByRole('button', { name: 'Record a new financial assessment' }).click();
    expect(await heading(f)).toBe('Record a financial assessment');
    await expectAccessible(f);
    await f.getByLabel('Minimum income guarantee').selectOption('single_25_to_pension_age_disabled');
    expect(await f.getByText('Which services are personal or nursing care?').count()).toBe(0);
    const income = (n: number) => f.getByRole('group', { name: `Income ${n}` });
    await income(1).getByLabel('Kind').selectOption('esa');
    await income(1).getByLabel('Amount a week').fill('140');
    await income(1).getByRole('textbox', { name: 'Evidence seen' }).fill('DWP letter');
    await income(2).getByLabel('Kind').selectOption('pip_daily_living');
    await income(2).getByLabel('Amount a week').fill('110.40');
    await income(2).getByRole('textbox', { name: 'Evidence seen' }).fill('DWP award letter');
    const savings = f.getByRole('group', { name: 'Savings 1' });
    await savings.getByLabel('What').fill('Building society account');
    await savings.getByLabel('Amount').fill('4000');
    await savings.getByRole('textbox', { name: 'Evidence seen' }).fill('Passbook');
    const cost = f.getByRole('group', { name: 'Cost 1' });
    await cost.getByLabel('What').fill('Extra heating');
    await cost.getByLabel('Amount a week').fill('10');
    await f.getByRole('button', { name: 'Work out the contribution' }).click();
    expect(await heading(f)).toBe('Check the assessment before you save it');
    expect(await textOf(f.getByRole('main'))).toContain('Nothing has been saved yet');
    await expectAccessible(f);
    await f.getByRole('button', { name: 'Save the assessment' }).click();
    expect(await heading(f)).toBe('What you pay towards your support');
    const explained = await textOf(f.getByRole('main'));
    expect(explained).toContain('minimum income guarantee');
    expect(explained).toContain('taken off the direct payment');
    await expectAccessible(f);
    // The direct payment, with her contribution taken off each payment.
    await f.getByRole('link', { name: 'People', exact: true }).first().click();
    await f.getByRole('link', { name: 'Priya Shah' }).first().click();
    await f.getByRole('link', { name: 'Payments', exact: true }).click();
    await f.getByRole('button', { name: 'Set up the direct payment' }).click();
    await f.getByLabel('Monthly').check();
    const start = f.getByRole('group', { name: 'First day covered' });
    const first = dateParts(today);
    await start.getByLabel('Day').fill(first.day);
    await start.getByLabel('Month').fill(first.month);
    await start.getByLabel('Year').fill(first.year);
    await f.getByLabel('The person', { exact: true }).check();
    await f.getByLabel('Name on the account').fill('Priya Shah');
    await f.getByLabel('Sort code').fill('20 00 00');
    await f.getByLabel('Account number').fill('55779911');
    await f.getByRole('button', { name: 'Set up the direct payment' }).click();
    expect(await heading(f)).toBe('Check the direct payment before you save it');
    // £150.00 a week is £650.00 a month; her £78.25 a week is £339.08 a month, taken off.
    expect(await textOf(f.getByRole('main'))).toMatch(/Direct payment each month\s*£310\.92/);
    expect(await textOf(f.getByRole('main'))).toContain('less the contribution of £339.08');
    await expectAccessible(f);
    await f.getByRole('button', { name: 'Set up the direct payment' }).click();
    expect(await heading(f)).toBe('Direct payment');
    expect(await textOf(f.getByRole('main'))).toMatch(/Paid each period\s*£310\.92/);

    await finance.context.close();

    // One officer works out the run, a second approves and pays it.
    const creator = await newPage(site);
    await signInAs(creator.page, demoEmail('finance', BOROUGH));
    await creator.page
      .getByRole('link', { name: /Payment runs|Direct-payment runs/ })
      .first()
      .click();
    const due = dateParts(addDays(today, 1));
    await creator.page.getByLabel('Day').fill(due.day);
    await creator.page.getByLabel('Month').fill(due.month);
    await creator.page.getByLabel('Year').fill(due.year);
    await creator.page.getByRole('button', { name: 'Work out the payments due' }).click();
    expect(await heading(creator.page)).toMatch(/^Payment run for/);
    expect(await textOf(creator.page.getByRole('table'))).toContain('Priya Shah');
    const runPage = creator.page.url();
    await creator.context.close();

    const approver = await newPage(site);
    await signInAs(approver.page, demoApproverEmail(BOROUGH));
    await approver.page.goto(runPage);
    await approver.page.getByRole('button', { name: /Approve and pay/ }).click();
    await approver.page.getByText('Paid').first().waitFor();
    await expectAccessible(approver.page);

    // Her payments page: paid, with the contribution taken off and explained.
    await approver.page.getByRole('link', { name: 'People', exact: true }).first().click();
    await approver.page.getByRole('link', { name: 'Priya Shah' }).first().click();
    await approver.page.getByRole('link', { name: 'Payments', exact: true }).click();
    const payments = await textOf(approver.page.getByRole('main'));
    expect(payments).toMatch(/Contribution\s*£339\.08 a period, taken off each payment/);
    expect(payments).toMatch(/Sent\s*.*£310\.92/s);
    await expectAccessible(approver.page);
    await approver.page.screenshot({ path: '/tmp/england-payments.png', fullPage: true });
    await approver.context.close();
  }, 300_000);
});
