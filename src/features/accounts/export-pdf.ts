import { pdfDocument } from '../../platform/pdf/index.ts';
import type { ReadableCopy } from './export.ts';

type Readable = ReadableCopy;

/**
 * The subject access copy as a PDF: the same sections, headings and formatted values as the
 * HTML page, for people who want a document to keep or print. Standard fonts only, so
 * nothing has to be installed on the server.
 */
export function exportPdf(
  name: string,
  councilName: string,
  exportedAt: string,
  copy: Readable,
): Promise<Buffer> {
  return pdfDocument(
    { title: `Everything ${councilName} holds about ${name}`, author: councilName },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(20).text(`Everything we hold about ${name}`);
      doc.moveDown(0.5);
      doc.font('Helvetica').fontSize(11).text(`${councilName}. Made on ${exportedAt}.`);
      doc.text(
        'Money is shown in pounds and pence. Internal reference numbers and locked (encrypted) details are left out of this copy.',
      );
      for (const section of copy.sections) {
        doc.moveDown(1);
        doc.font('Helvetica-Bold').fontSize(15).text(section.heading);
        if (section.intro) doc.font('Helvetica').fontSize(11).text(section.intro);
        if (!section.entries.length) doc.font('Helvetica').fontSize(11).text('We hold nothing of this kind.');
        section.entries.forEach((entry, index) => {
          doc.moveDown(0.5);
          if (section.entries.length > 1)
            doc
              .font('Helvetica-Bold')
              .fontSize(12)
              .text(`${index + 1} of ${section.entries.length}`);
          for (const { key, lines } of entry) {
            if (lines.length === 1 && lines[0]!.depth === 0) {
              doc.font('Helvetica-Bold').fontSize(11).text(`${key}: `, { continued: true });
              doc.font('Helvetica').text(lines[0]!.text);
              continue;
            }
            doc.font('Helvetica-Bold').fontSize(11).text(key);
            const left = doc.page.margins.left;
            const width = doc.page.width - left - doc.page.margins.right;
            for (const line of lines) {
              const indent = 12 + line.depth * 12;
              doc.font('Helvetica').text(line.text, left + indent, doc.y, { width: width - indent });
            }
            doc.x = left;
          }
        });
      }
      doc.moveDown(1);
      doc.font('Helvetica-Bold').fontSize(15).text(copy.whoLookedHeading);
      if (!copy.audit.length)
        doc.font('Helvetica').fontSize(11).text('Nobody has looked at this record yet.');
      for (const event of copy.audit) {
        doc.font('Helvetica').fontSize(11).text(`${event.when}: ${event.who} ${event.what}.`);
        if (event.reason) doc.text(`Reason given: ${event.reason}`, { indent: 16 });
      }
    },
  );
}
