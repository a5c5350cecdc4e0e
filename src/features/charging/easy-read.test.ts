import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { TEST_ADDRESSING } from '../../platform/pdf/pdf.fixtures.ts';
import { easyReadProblems } from '../../platform/easy-read/index.ts';
import { contributionEasyRead, contributionEasyReadLetter } from './easy-read.ts';

const line = fc.record({
  label: fc.string(),
  amount: fc.integer({ min: -1e8, max: 1e8 }),
  rule: fc.string(),
  policyVersion: fc.string(),
});

describe('the contribution letter in Easy Read', () => {
  it('keeps its rules for any assessment: any lines, amounts, methods and names', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 10 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.constantFrom('net', 'gross'),
        fc.string(),
        fc.string(),
        (lines, weeklyContribution, contributionMethod, personName, policyVersion) => {
          const easy = contributionEasyRead({
            personName,
            today: '2026-12-02',
            effectiveFrom: '2026-12-07',
            weeklyContribution,
            lines,
            policyVersion,
            contributionMethod,
          });
          expect(easyReadProblems(easy)).toEqual([]);
        },
      ),
    );
  });

  it('says what the person pays from when, each line, and how to ask again, in the printed letter', async () => {
    const input = {
      personName: 'Morag',
      today: '2026-12-02',
      effectiveFrom: '2026-12-07',
      weeklyContribution: 1_250,
      lines: [
        { label: 'your income', amount: 30_000, rule: 'Income', policyVersion: 'Charging 2026/27' },
        {
          label: 'the income you keep',
          amount: -28_750,
          rule: 'Threshold',
          policyVersion: 'Charging 2026/27',
        },
      ],
      policyVersion: 'Charging 2026/27',
      contributionMethod: 'net',
    };
    const texts = contributionEasyRead(input).map((l) => l.text);
    expect(texts).toContain('From 7 December 2026, you pay £12.50 a week towards your support.');
    expect(texts).toContain('We take off “the income you keep”: £287.50 a week.');
    expect(texts).toContain('We take it off your direct payment. You do not get a bill.');
    const text = pdfText(
      await contributionEasyReadLetter({ ...input, addressing: TEST_ADDRESSING, assessmentNumber: 1 }),
    );
    expect(text).toContain('What you pay towards your support');
    expect(text).toContain('You can ask us to look again.');
  });
});
