import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countOf,
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

describe('a worker records a new person and completes their record', () => {
  it('uses the case list, the question pages with check answers, and adds an outcome', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto('/people');
    expect(await heading(page)).toBe('People');
    expect(await textOf(page.locator('#result-count'))).toMatch(/^\d+ people found/);
    await expectAccessible(page);

    // Search by name, then filter to crisis cases.
    await page.getByLabel('Name, CHI or NHS number').fill('Morag');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await textOf(page.locator('#result-count'))).toBe('1 person found.');
    await page.goto('/people?crisis=yes');
    expect(await countOf(page.locator('tbody .govuk-tag--red'))).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: '/tmp/people-case-list.png', fullPage: true });

    await page.goto('/people');
    await page.getByRole('link', { name: 'Record a new person' }).click();
    expect(await heading(page)).toBe('Record a new person');
    await expectAccessible(page);
    await page.getByLabel('Full legal name').fill('Ishbel Mackenzie');
    await page.getByLabel('What they like to be called (optional)').fill('Ishbel');
    await page.getByLabel('Day').first().fill('12');
    await page.getByLabel('Month').first().fill('3');
    await page.getByLabel('Year').first().fill('1945');
    await page.getByLabel('Older people').check();
    await page.getByLabel('CHI number (optional)').fill('120345 6787');
    await page.getByLabel('Who made contact').fill('Dr Shah, GP');
    await page.getByLabel('Why they made contact').fill('Two falls at home this month.');
    await page.getByLabel('Soon – within a few weeks').check();
    await page.locator('#crisis-2').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // A wrong check digit: error summary, inline message, answers kept.
    expect(await textOf(page.getByRole('alert'))).toContain(
      'The CHI number is not valid – check the last digit'.replace('–', '—'),
    );
    expect(await page.getByLabel('Full legal name').inputValue()).toBe('Ishbel Mackenzie');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.getByLabel('CHI number (optional)').fill('120345 6786');
    await page.getByRole('button', { name: 'Continue' }).click();

    expect(await heading(page)).toBe('Check the new record before you save it');
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('12 March 1945');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();

    expect(await heading(page)).toBe('Ishbel');
    await expectAccessible(page);
    const personUrl = page.url();

    // Contact details through their own question page and check answers.
    await page.getByRole('link', { name: 'Change contact details and address' }).click();
    expect(await heading(page)).toBe('Contact details and address');
    await page.getByLabel('Address line 1').fill('14 Ferry Road');
    await page.getByLabel('Town or city').fill('Edinburgh');
    await page.getByLabel('Postcode').fill('eh5 2aa');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check your answers');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(page.url()).toBe(personUrl);
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('EH5 2AA');

    // Two people change the same record at once: the second is told, and nothing is overwritten.
    const other = await context.newPage();
    await other.goto(`${personUrl}/edit/contact`);
    await page.goto(`${personUrl}/edit/contact`);
    await page.getByLabel('Phone number (optional)').fill('0131 496 0123');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await other.getByLabel('Phone number (optional)').fill('0131 496 0999');
    await other.getByRole('button', { name: 'Continue' }).click();
    await other.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(other.getByRole('alert'))).toContain('Someone else saved a change to this record');
    expect(await other.getByLabel('Phone number (optional)').inputValue()).toBe('0131 496 0999');
    await expectAccessible(other);
    await other.close();
    await page.goto(personUrl);
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('0131 496 0123');

    // An outcome: their words first, the worker's view beside them.
    await page.getByRole('link', { name: 'Personal outcomes' }).click();
    expect(await heading(page)).toBe('Personal outcomes');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add an outcome' }).click();
    await expectAccessible(page);
    await page
      .getByLabel('The outcome in the person’s own words')
      .fill('I want to stay in my own house with my cat.');
    await page.getByLabel('Where I live').check();
    await page
      .getByLabel('Your professional view (optional)')
      .fill('Stair lift and a morning visit would make this safe.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await heading(page)).toBe('Outcome');
    expect(await textOf(page.locator('.selfdirect-own-words'))).toBe(
      '“I want to stay in my own house with my cat.”',
    );
    expect(await textOf(page.locator('.selfdirect-attribution'))).toBe(
      'Said by Ishbel · typed by Sam Okafor (social worker)',
    );
    expect(await textOf(page.locator('tbody tr'))).toContain('Sam Okafor');
    await expectAccessible(page);

    // A legal order's conditions appear apart, as non-negotiables.
    await page.goto(`${personUrl}/legal-orders/new`);
    await expectAccessible(page);
    await page.getByLabel('Community payback order (criminal justice)').check();
    await page.getByLabel('Day').first().fill('1');
    await page.getByLabel('Month').first().fill('1');
    await page.getByLabel('Year').first().fill('2025');
    await page.getByLabel('Conditions of the order – one per line').fill('Must attend supervision weekly');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.locator('#non-negotiables'))).toContain('Must attend supervision weekly');

    // A representative: recorded, then their powers changed and their authority ended, with history kept.
    await page.goto(`${personUrl}/representatives/new`);
    await page.getByLabel('Representative’s name').fill('Kenneth Mackenzie');
    await page.getByLabel('Welfare power of attorney').check();
    await page.getByLabel('See the record').check();
    await page.getByLabel('Make decisions about care and welfare').check();
    await page.getByLabel('Day').first().fill('1');
    await page.getByLabel('Month').first().fill('2');
    await page.getByLabel('Year').first().fill('2024');
    await page.getByLabel('Evidence reference').fill('OPG PA-2024-77');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Change what Kenneth Mackenzie can do' }).click();
    expect(await heading(page)).toBe('Change what Kenneth Mackenzie can do');
    await expectAccessible(page);
    await page.getByLabel('See the record').uncheck();
    await page.getByLabel('Make decisions about care and welfare').uncheck();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain(
      'Select at least one thing the representative can do',
    );
    expect(await page.getByLabel('Evidence for the change').inputValue()).toBe('OPG PA-2024-77');
    await expectAccessible(page);
    await page.getByLabel('Make decisions about care and welfare').check();
    await page.getByLabel('Evidence for the change').fill('OPG PA-2024-77, varied by the Sheriff Court');
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await heading(page)).toBe('Check the change before you save it');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save the change' }).click();
    const reps = page.locator('#representatives + table tbody tr');
    expect(await countOf(reps)).toBe(2);
    expect(await textOf(reps.first())).toContain('Replaced by a change');
    expect(await textOf(reps.nth(1))).not.toContain('See the record');
    await page.getByRole('link', { name: 'End Kenneth Mackenzie’s authority' }).click();
    expect(await heading(page)).toBe('End Kenneth Mackenzie’s authority');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'End the authority' }).click();
    expect(await textOf(reps.nth(1))).toContain('to ');
    expect(await countOf(page.getByRole('link', { name: 'End Kenneth Mackenzie’s authority' }))).toBe(1);

    // Support offered reads in plain words on the timeline.
    await page.goto(`${personUrl}/support-offers/new`);
    await page.getByLabel('Independent advocacy').check();
    await page.getByLabel('Good conversation').check();
    await page.getByLabel('Accepted').check();
    await page.getByLabel('Who provides it').fill('Partners in Advocacy');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.locator('#timeline + ol'))).toContain(
      'Independent advocacy from Partners in Advocacy offered at the good conversation — accepted',
    );
    await page.screenshot({ path: '/tmp/people-summary.png', fullPage: true });
    await context.close();
  });

  it('sees a good conversation with the child’s own views apart, and the timeline', async () => {
    const { context, page } = await newPage(site);
    await signIn(page, 'worker');
    await page.goto('/people?q=Callum%20Reid');
    await page.getByRole('link', { name: 'Callum Reid' }).click();
    expect(await textOf(page.locator('.govuk-tag--purple'))).toContain('Transition to adult services');
    await page.getByRole('link', { name: 'Good conversations' }).click();
    expect(await heading(page)).toBe('Good conversations');
    expect(await textOf(page.getByRole('heading', { name: 'The child’s own views' }))).toBeTruthy();
    expect(await textOf(page.getByRole('heading', { name: 'Parents’ or carers’ views' }))).toBeTruthy();
    // Who said each thing and who typed it, the child's words apart from his mum's.
    const said = page.locator('.selfdirect-attribution');
    expect(await textOf(said.filter({ hasText: 'Said by Callum' }))).toBe(
      'Said by Callum · typed by Sam Okafor (social worker) – in their own words',
    );
    expect(await textOf(said.filter({ hasText: 'Said by Mum' }))).toBe(
      'Said by Mum (family or friend) · typed by Sam Okafor (social worker)',
    );
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Record a good conversation' }).click();
    await expectAccessible(page);
    await page.getByLabel('What was said').fill('I want to choose my own PA.');
    await page.getByLabel('The child’s own views').check();
    await page.getByLabel('The person', { exact: true }).check();
    await page.locator('#ownWords').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await textOf(page.locator('.selfdirect-own-words').first())).toBe('“I want to choose my own PA.”');
    expect(
      await textOf(
        page.locator('li', { hasText: 'I want to choose my own PA.' }).locator('.selfdirect-attribution'),
      ),
    ).toBe('Said by Callum · typed by Sam Okafor (social worker) – in their own words');

    // A parent's words cannot go among the child's own: refused with an error summary, answers kept.
    await page
      .getByRole('link', { name: /Add something else that was said/ })
      .first()
      .click();
    await page.getByLabel('What was said').fill('He loves the pool.');
    await page.getByLabel('What matters to me').check();
    await page.getByLabel('A family member or friend').check();
    await page.locator('#ownWords-2').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.getByRole('alert'))).toContain('goes under ‘Parents’ or carers’ views’');
    expect(await page.getByLabel('What was said').inputValue()).toBe('He loves the pool.');
    await expectAccessible(page);

    // His outcomes: his own words first, each with who said and who typed it.
    await page.goto(page.url().replace(/\/conversations.*$/, '/outcomes'));
    expect(await textOf(page.locator('#own-words'))).toBe('In Callum’s own words');
    expect(await textOf(page.locator('#own-words + table .selfdirect-attribution'))).toBe(
      'Said by Callum · typed by Sam Okafor (social worker)',
    );
    await expectAccessible(page);
    await context.close();
  });
});
