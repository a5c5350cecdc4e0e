import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/platform/db/transaction.ts';
import { expectAccessible, heading, newPage, type Site, signIn, startSite, textOf } from './support.ts';

/**
 * Advocacy and support offered at every step (issue 14 item 7), as a worker and a manager
 * click through it: the eligibility page asks, the worker records that independent advocacy
 * was offered and accepted, the page then shows the answer, the record's timeline says it,
 * and the manager sees it counted in the report.
 */
let site: Site;
beforeAll(async () => {
  site = await startSite();
  // Four other people already said yes to advocacy at eligibility, so Morag's answer makes
  // five: enough for the report to show the figure rather than hide it as a small number.
  await rows(
    site.database.db,
    sql`insert into support_offers (authority_id, person_id, kind, stage, response, provider, offered_on)
        select p.authority_id, p.id, 'advocacy', 'eligibility', 'accepted', 'Partners in Advocacy', current_date - 7
        from people p
        where p.legal_name <> 'Morag Campbell'
          and not exists (select 1 from support_offers o where o.person_id = p.id and o.stage = 'eligibility')
        order by p.legal_name limit 4`,
  );
});
afterAll(() => site.stop());

const SENTENCE =
  'Independent advocacy from Partners in Advocacy offered at the eligibility decision — accepted';

describe('advocacy offered at the eligibility stage', () => {
  it('is asked on the page, recorded, shown instead of the question and on the timeline', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto('/people');
    await page.getByLabel('Name, CHI or NHS number').fill('Morag');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: /Morag/ }).first().click();
    await page.getByRole('link', { name: 'Eligibility', exact: true }).click();

    const inset = page.locator('#support-offered');
    expect(await textOf(inset.getByRole('heading'))).toBe('Independent advocacy and support at this stage');
    expect(
      await inset
        .getByRole('group', { name: 'Was it offered at this stage, and what did the person say?' })
        .count(),
    ).toBe(1);
    await expectAccessible(page);

    // No answer chosen: the error summary, the question again, the other answers kept.
    await inset.getByLabel('Who provides it (optional)').fill('Partners in Advocacy');
    await inset.getByRole('button', { name: 'Record the answer' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Select whether it was accepted or declined, or that it was not offered',
    );
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByLabel('Who provides it (optional)').inputValue()).toBe('Partners in Advocacy');
    expect(await page.getByLabel('Independent advocacy').isChecked()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel('Offered, and they accepted it').check();
    await page.getByRole('button', { name: 'Record the answer' }).click();
    expect(await heading(page)).toMatch(/^Eligibility/);
    expect(await textOf(page.locator('#support-offered'))).toContain(SENTENCE);
    expect(await page.getByRole('button', { name: 'Record the answer' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Back' }).click();
    const timeline = page.locator('h2#timeline + ol');
    expect(await textOf(timeline)).toContain(SENTENCE);
    await expectAccessible(page);

    // The budget and plan pages still ask: each stage has its own answer.
    for (const link of ['Budget', 'Support plan']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      expect(await textOf(page.locator('#support-offered'))).toContain(
        'Was it offered at this stage, and what did the person say?',
      );
      await expectAccessible(page);
      await page.goBack();
    }
    await context.close();
  });

  it('is counted in the advocacy report a manager opens from the equity report', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'manager');
    await page.getByRole('link', { name: 'Equity report' }).click();
    await page.getByRole('link', { name: 'advocacy and support offered at each stage' }).click();
    expect(await heading(page)).toBe('Advocacy and support offered at each stage');
    const table = page.getByRole('table', { name: /^Eligibility/ });
    const advocacy = table.getByRole('row', { name: /^Independent advocacy/ });
    const [counted] = await rows<{ answers: number; accepted: number }>(
      site.database.db,
      sql`select count(*)::int as answers, count(*) filter (where response = 'accepted')::int as accepted
          from (select distinct on (person_id) response from support_offers
                where stage = 'eligibility' and kind = 'advocacy'
                  and authority_id = (select id from authorities where code = 'demo')
                order by person_id, offered_on desc, created_at desc) latest`,
    );
    expect(counted!.answers).toBeGreaterThanOrEqual(5);
    const cells = await advocacy.getByRole('cell').allTextContents();
    expect(cells[0]).toBe(String(counted!.answers));
    if (counted!.answers === counted!.accepted) expect(cells.at(-1)).toBe('100%');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/reports-advocacy.png', fullPage: true });
    await context.close();
  });
});
