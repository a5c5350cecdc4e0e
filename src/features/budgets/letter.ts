import { formatDate } from '../../platform/dates.ts';
import { type ExplanationLine, formatPence } from '../../platform/money/index.ts';
import { pdfDocument } from '../../platform/pdf/index.ts';
import type { BudgetRecord } from './service.ts';

/**
 * The printable budget letter: the same explanation lines, total and notes the pages show,
 * so what the person holds on paper is exactly what the council worked out.
 */
export function budgetLetter(record: BudgetRecord, today: string): Promise<Buffer> {
  return pdfDocument({ title: `Your budget – ${record.person.legalName}` }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Your budget and how we worked it out');
    doc
      .moveDown(0.5)
      .font('Helvetica')
      .fontSize(11)
      .text(`For ${record.person.legalName}. Written on ${formatDate(today)}.`);
    const budget = record.current ?? record.interim;
    if (!budget) {
      doc
        .moveDown()
        .text('We have not worked out a budget yet. Your social worker will talk to you about it.');
      return;
    }
    const kind = budget.kind === 'interim' ? 'interim (crisis) budget' : `${budget.kind} budget`;
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(
        `Your ${kind} is ${formatPence(budget.weeklyAmount)} a week (${formatPence(budget.annualAmount)} a year).`,
      );
    doc
      .moveDown(0.5)
      .font('Helvetica')
      .fontSize(11)
      .text(
        `Why: ${budget.reason}. Decided by ${budget.decidedByName} on ${formatDate(budget.createdAt.toISOString().slice(0, 10))}.`,
      );

    doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Every line of your budget');
    doc.font('Helvetica').fontSize(10);
    const lines: ExplanationLine[] = budget.explanation.lines;
    for (const line of lines) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .text(`${formatPence(line.amount)} a week`, { continued: true })
        .font('Helvetica')
        .text(`  ${line.label}`);
      doc.fillColor('#505a5f').text(`Rule: ${line.rule}. Policy: ${line.policyVersion}.`).fillColor('black');
    }
    doc
      .moveDown(0.5)
      .font('Helvetica-Bold')
      .text(`Total: ${formatPence(budget.explanation.total)} a week`);
    const oneOffs = budget.explanation.oneOffLines ?? [];
    if (oneOffs.length) {
      doc.moveDown().fontSize(13).text('One-off costs');
      doc.font('Helvetica').fontSize(10);
      for (const line of oneOffs)
        doc.moveDown(0.3).text(`${formatPence(line.amount)}  ${line.label} (${line.rule})`);
    }
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Who pays for it');
    doc.font('Helvetica').fontSize(10);
    for (const stream of budget.fundingStreams)
      doc
        .moveDown(0.3)
        .text(
          `${formatPence(stream.weeklyAmount)} a week from ${stream.source}.${stream.conditions ? ` ${stream.conditions}` : ''}${stream.contact ? ` Contact: ${stream.contact}.` : ''}`,
        );
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text('Notes');
    doc.font('Helvetica').fontSize(10);
    for (const note of budget.explanation.notes) doc.moveDown(0.3).text(note);
    doc.moveDown().font('Helvetica-Bold').fontSize(13).text('If you think this is wrong');
    doc.font('Helvetica').fontSize(10).moveDown(0.3);
    doc.text(
      record.eligibility?.reviewRoute ??
        'Tell your social worker. You can ask for the budget to be looked at again.',
    );
    doc.moveDown(0.3).text('The rates we use are published on our website under “How we work out budgets”.');
  });
}
