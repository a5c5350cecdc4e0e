import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { generousBudget } from '../../src/features/budgets/budgets.fixtures.ts';
import { apiToken, bearer } from '../support/app.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

let site: Site;
let callum: string;
let providerName: string;
const tokens: Record<string, string> = {};

/** Moves Callum's plan on through the API, as his mother and his worker would. */
async function step(role: string, path: string, body: Record<string, unknown> = {}) {
  const plan = (
    await site.app.inject({ url: `/api/v1/people/${callum}/plan`, headers: bearer(tokens[role]!) })
  ).json().plan;
  const response = await site.app.inject({
    method: path === 'my-part' ? 'PATCH' : 'POST',
    url: `/api/v1/people/${callum}/plan/${path}`,
    headers: bearer(tokens[role]!),
    payload: { rowVersion: plan.rowVersion, ...body },
  });
  expect(response.statusCode, `${role} ${path}: ${response.body}`).toBeLessThan(300);
}

beforeAll(async () => {
  site = await startSite();
  const db = site.database.db;
  callum = (
    await rows<{ id: string }>(
      db,
      sql`select person_id as id from person_relationships where kind = 'representative'`,
    )
  )[0]!.id;
  for (const role of ['representative', 'worker', 'manager']) tokens[role] = await apiToken(site.app, role);
  // The demo provider starts working with Callum, so his worker can say it gives a piece of support.
  const [provider] = await rows<{ id: string; name: string }>(
    db,
    sql`select id, display_name as name from users where email = 'provider@demo.selfdirect.test'`,
  );
  providerName = provider!.name;
  await db.execute(
    sql`insert into person_relationships (authority_id, person_id, user_id, kind, valid_from)
        values (${site.authorityId}, ${callum}, ${provider!.id}, 'provider', '2024-01-01')`,
  );
  await step('representative', 'sign');
  await step('worker', 'submit');
  // A budget comfortably above the plan, so the decision is about the plan itself.
  await generousBudget(site, callum);
});
afterAll(() => site.stop());

describe('a manager deciding on a plan', () => {
  it('returns it with reasons, then agrees the reworked plan', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'manager');
    await page.goto(`/people/${callum}/plan`);
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Waiting for a decision');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Decide on this plan' }).click();
    expect(await heading(page)).toBe('Decide on this support plan');
    await expectAccessible(page);

    await page.getByLabel('Send it back for changes').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('Give at least one reason');
    await expectAccessible(page);
    await page
      .getByLabel('If you send it back: why are you sending it back?')
      .fill('Say who steps in if the assistant is ill\nAdd how Callum gets home');
    await page.getByRole('button', { name: 'Save the decision' }).click();
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Sent back for changes');
    expect(await textOf(page.locator('.govuk-warning-text').first())).toContain('Add how Callum gets home');
    await expectAccessible(page);

    await step('representative', 'my-part', {
      contingency: 'If the assistant is ill, Gran takes Callum and brings him home.',
    });
    await step('worker', 'share');
    await step('representative', 'sign');
    await step('worker', 'submit');

    await page.goto(`/people/${callum}/plan/decide`);
    await page.getByLabel('Agree the plan').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    expect(await textOf(page.getByText('The plan is agreed.'))).toBeTruthy();
    expect(await textOf(page.locator('#plan-state .govuk-tag'))).toBe('Agreed');
    expect(await textOf(page.getByText('You will be paid'))).toContain('every four weeks');
    const history = await textOf(page.locator('table').last());
    expect(history).toContain(
      'Sent back by Priya Nair: Say who steps in if the assistant is ill; Add how Callum gets home',
    );
    expect(history).toContain('Agreed by Priya Nair');
    await page.screenshot({ path: '/tmp/plans-manager-agreed.png', fullPage: true });
    await expectAccessible(page);
    await context.close();
  });

  it('lets the worker add a cost line given by a provider, refusing one with no funding stream or option', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto(`/people/${callum}/plan`);
    await page.getByRole('button', { name: 'Start a new version' }).click();
    await page.getByRole('link', { name: 'Add a piece of support and its cost' }).click();
    expect(await heading(page)).toBe('Add a piece of support and its cost');
    await expectAccessible(page);
    // Each outcome to choose from says whose words it is.
    expect(
      await page.getByLabel('Which outcome is this support for?').locator('option').nth(1).textContent(),
    ).toMatch(/^“.+” \(Said by Callum · typed by Sam Okafor \(social worker\)\)$/);
    await page.getByLabel('Which outcome is this support for?').selectOption({ index: 1 });
    await page.getByLabel('What is the support?').fill('Swimming lessons');
    await page.getByLabel('Community group or service').check();
    await page.getByLabel('How often?').fill('Saturday mornings');
    await page.getByLabel('Cost a week').fill('12.50');
    await page.getByLabel(providerName).check();
    await page.getByRole('button', { name: 'Save' }).click();
    const summary = await textOf(page.getByRole('alert'));
    expect(summary).toContain('Select which funding stream pays for this support');
    expect(summary).toContain('Select how this support will be arranged');
    expect(await page.getByLabel('What is the support?').inputValue()).toBe('Swimming lessons');
    expect(await page.getByLabel(providerName).isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Which funding stream pays for it?').selectOption('council_social_care');
    await page.getByLabel('Option 2: you choose, someone else arranges').check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.getByRole('cell', { name: /Swimming lessons/ }))).toContain(
      `Community group or service: ${providerName}`,
    );
    await expectAccessible(page);
    await context.close();

    // Once the plan is agreed, the provider sees the support it gives in its own view of Callum.
    await step('worker', 'share');
    await step('representative', 'sign');
    await step('worker', 'submit');
    await step('manager', 'agree', {
      overBudgetReason: 'Swimming keeps Callum well; agreed with his mother.',
    });
    const provider = await newPage(site);
    await signIn(provider.page, 'provider');
    await provider.page.goto('/my');
    await provider.page.getByRole('link', { name: 'Callum' }).click();
    expect(new URL(provider.page.url()).pathname).toBe(`/my/${callum}/service`);
    const main = await textOf(provider.page.locator('main'));
    expect(main).toContain('Swimming lessons');
    expect(main).toContain('Saturday mornings');
    await expectAccessible(provider.page);
    await provider.context.close();
  });
});
