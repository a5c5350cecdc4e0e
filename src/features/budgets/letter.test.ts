import { describe, expect, it } from 'vitest';
import { pdfTagging, pdfText } from '../../../test/support/pdf-text.ts';
import { TEST_ADDRESSING } from '../../platform/pdf/pdf.fixtures.ts';
import { budgetLetter } from './letter.ts';
import { emptyBudgetRecord } from './budgets.fixtures.ts';

// The letter on its own, without a database: before any budget is worked out it still says who
// it is from and to, when, its reference (with no version yet) and who to contact.
const ADDRESSING = TEST_ADDRESSING;

const record = emptyBudgetRecord('p');

describe('the budget letter before there is a budget', () => {
  it('carries the heading, says there is no budget yet, and is tagged', async () => {
    const pdf = await budgetLetter(record, ADDRESSING, '2026-03-04');
    const lines = pdfText(pdf).split('\n');
    for (const line of [
      'Fake Council',
      '2 Nowhere Row',
      'ZZ9 9ZZ',
      'Ailsa Fakename',
      '3 Test Lane',
      '4 March 2026',
      'SD-11111111/BUDGET',
      'Adult Community Care South',
      'Phone us on weekdays.',
      'We have not worked out a budget yet. Your social worker will talk to you about it.',
    ])
      expect(lines, line).toContain(line);
    expect(pdfTagging(pdf)).toMatchObject({
      marked: true,
      structTreeRoot: true,
      lang: 'en-GB',
      title: 'Your budget – Ailsa Fakename',
    });
  });
});
