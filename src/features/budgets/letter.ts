import { formatDate, type IsoDate } from '../../platform/dates.ts';
import { formatPence } from '../../platform/money/index.ts';
import { type LetterAddressing, letterHeading, pdfDocument } from '../../platform/pdf/index.ts';
import type { BudgetLetterRecord } from './service.ts';

/**
 * The printable budget letter: the same explanation lines, total and notes the pages show,
 * so what the person holds on paper is exactly what the council worked out. Its reference
 * names the budget version it explains.
 */
export function budgetLetter(
  record: BudgetLetterRecord,
  addressing: LetterAddressing,
  today: IsoDate,
): Promise<Buffer> {
  const budget = record.current ?? record.interim;
  const heading = letterHeading(addressing, { date: today, kind: 'budget', version: budget?.version });
  return pdfDocument({ title: `Your budget – ${record.person.legalName}`, heading }, (letter) => {
    letter.heading('Your budget and how we worked it out', 1);
    letter.paragraph(`For ${record.person.legalName}. Written on ${formatDate(today)}.`);
    if (!budget) {
      letter.paragraph('We have not worked out a budget yet. Your social worker will talk to you about it.', {
        before: 0.5,
      });
      return;
    }
    const kind = budget.kind === 'interim' ? 'interim (crisis) budget' : `${budget.kind} budget`;
    letter.paragraph(
      `Your ${kind} is ${formatPence(budget.weeklyAmount)} a week (${formatPence(budget.annualAmount)} a year).`,
      { bold: true, size: 14, before: 0.5 },
    );
    letter.paragraph(
      `Why: ${budget.reason}. Decided by ${budget.decidedByName} on ${formatDate(budget.createdAt.toISOString().slice(0, 10))}.`,
      { before: 0.3 },
    );

    letter.heading('Every line of your budget');
    letter.table(
      [
        { header: 'What it is for' },
        { header: 'The rule we used', width: 190 },
        { header: 'A week', width: 80, align: 'right' },
      ],
      [
        ...budget.explanation.lines.map((line) => [
          line.label,
          `${line.rule}. Policy: ${line.policyVersion}.`,
          formatPence(line.amount),
        ]),
      ],
      { total: ['Total', '', formatPence(budget.explanation.total)] },
    );
    const oneOffs = budget.explanation.oneOffLines ?? [];
    if (oneOffs.length) {
      letter.heading('One-off costs');
      letter.table(
        [
          { header: 'What it is for' },
          { header: 'The rule we used', width: 190 },
          { header: 'Once', width: 80, align: 'right' },
        ],
        oneOffs.map((line) => [line.label, line.rule, formatPence(line.amount)]),
      );
    }
    letter.heading('Who pays for it');
    letter.list(
      budget.fundingStreams.map(
        (stream) =>
          `${formatPence(stream.weeklyAmount)} a week from ${stream.source}.${stream.conditions ? ` ${stream.conditions}` : ''}${stream.contact ? ` Contact: ${stream.contact}.` : ''}`,
      ),
    );
    if (budget.explanation.notes.length) {
      letter.heading('Notes');
      letter.list(budget.explanation.notes, { size: 11 });
    }
    letter.heading('If you think this is wrong');
    letter.paragraph(
      record.eligibility?.reviewRoute ??
        'Tell your social worker. You can ask for the budget to be looked at again.',
    );
    letter.paragraph('The rates we use are published on our website under “How we work out budgets”.', {
      before: 0.3,
    });
  });
}
