import { formatDate } from '../../platform/dates.ts';
import { formatPence } from '../../platform/money/index.ts';
import { PDF_MARGIN, pdfDocument } from '../../platform/pdf/index.ts';
import type { AssessmentRow, PolicyRow } from './service.ts';

/**
 * The contribution letter: the same figure and the same explanation lines as the page and the
 * API, with how to ask for a review. Plain words, one page for most people.
 */
export function contributionLetter(input: {
  councilName: string;
  personName: string;
  assessment: AssessmentRow;
  policy: PolicyRow;
}): Promise<Buffer> {
  const { assessment, policy } = input;
  return pdfDocument(
    { title: 'Your contribution towards your support', author: input.councilName },
    (doc) => {
      doc.fontSize(10).text(input.councilName, { align: 'right' });
      doc.moveDown();
      doc.fontSize(18).text('Your contribution towards your support');
      doc.moveDown(0.5);
      doc.fontSize(11).text(`Dear ${input.personName},`);
      doc.moveDown(0.5);
      doc.text(
        `We have looked at your income. From ${formatDate(assessment.effectiveFrom)} you will pay ${formatPence(assessment.weeklyContribution)} a week towards your support.`,
      );
      doc.moveDown(0.5);
      doc.text('Here is how we worked it out, line by line:');
      doc.moveDown(0.5);
      for (const line of assessment.result.explanation.lines) {
        const y = doc.y;
        doc.fontSize(10).text(line.label, PDF_MARGIN, y, { width: 380 });
        const after = doc.y;
        doc.text(formatPence(line.amount), 440, y, { width: 100, align: 'right' });
        doc.y = Math.max(after, doc.y);
        doc.moveDown(0.3);
      }
      doc
        .fontSize(11)
        .text(`Your weekly contribution: ${formatPence(assessment.weeklyContribution)}`, PDF_MARGIN, doc.y, {
          underline: true,
        });
      doc.moveDown(0.5);
      for (const note of assessment.result.explanation.notes) doc.fontSize(9).text(note);
      doc.fontSize(9).text(`Worked out under ${assessment.result.policyVersion}.`);
      doc.moveDown();
      doc
        .fontSize(11)
        .text(
          policy.contributionMethod === 'net'
            ? 'We take this off your direct payment, so you do not need to pay a bill.'
            : 'We will send you a bill for this.',
        );
      doc.moveDown(0.5);
      doc.text(
        'If you think something is wrong or missing, you can ask us to look again. Sign in and choose “Ask us to look again”, or phone us. Nothing you tell us will count against you.',
      );
    },
  );
}
