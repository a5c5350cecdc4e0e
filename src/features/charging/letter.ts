import { formatDate, type IsoDate } from '../../platform/dates.ts';
import { formatPence } from '../../platform/money/index.ts';
import { type LetterAddressing, letterHeading, pdfDocument } from '../../platform/pdf/index.ts';
import type { AssessmentRow, PolicyRow } from './service.ts';

/**
 * The contribution letter: the same figure and the same explanation lines as the page and the
 * API, with how to ask for a review. Plain words, one page for most people. Its reference
 * numbers the assessment (the first, second… the person has had, a correction included).
 */
export function contributionLetter(input: {
  addressing: LetterAddressing;
  /** The name to greet the person by (their preferred name where they gave one). */
  personName: string;
  assessment: AssessmentRow;
  /** Which assessment this is for the person, counting from 1. */
  assessmentNumber: number;
  policy: PolicyRow;
  today: IsoDate;
}): Promise<Buffer> {
  const { assessment, policy } = input;
  const heading = letterHeading(input.addressing, {
    date: input.today,
    kind: 'contribution',
    version: input.assessmentNumber,
  });
  return pdfDocument({ title: 'Your contribution towards your support', heading }, (letter) => {
    letter.heading('Your contribution towards your support', 1);
    letter.paragraph(`Dear ${input.personName},`, { before: 0.3 });
    letter.paragraph(
      `We have looked at your income. From ${formatDate(assessment.effectiveFrom)} you will pay ${formatPence(assessment.weeklyContribution)} a week towards your support.`,
      { before: 0.5 },
    );
    letter.heading('How we worked it out');
    letter.table(
      [{ header: 'What we counted' }, { header: 'A week', width: 100, align: 'right' }],
      assessment.result.explanation.lines.map((line) => [line.label, formatPence(line.amount)]),
      { total: ['Your weekly contribution', formatPence(assessment.weeklyContribution)] },
    );
    for (const note of assessment.result.explanation.notes) letter.paragraph(note, { size: 11 });
    letter.paragraph(`Worked out under ${assessment.result.policyVersion}.`, { size: 11 });
    letter.paragraph(
      policy.contributionMethod === 'net'
        ? 'We take this off your direct payment, so you do not need to pay a bill.'
        : 'We will send you a bill for this.',
      { before: 0.5 },
    );
    letter.heading('If you think something is wrong');
    letter.paragraph(
      'If you think something is wrong or missing, you can ask us to look again. Sign in and choose “Ask us to look again”, or phone us. Nothing you tell us will count against you.',
    );
  });
}
