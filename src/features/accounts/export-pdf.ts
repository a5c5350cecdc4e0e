import type { IsoDate } from '../../platform/dates.ts';
import { type LetterAddressing, letterHeading, pdfDocument } from '../../platform/pdf/index.ts';
import type { ReadableCopy } from './export.ts';

/**
 * The subject access copy as a PDF: the same sections, headings and formatted values as the
 * HTML page, for people who want a document to keep or print. Standard fonts only, so
 * nothing has to be installed on the server. It carries the same letter heading as every
 * letter, so a printed copy says who made it, for whom, when, and who to ask about it.
 */
export function exportPdf(input: {
  name: string;
  addressing: LetterAddressing;
  /** When the copy was made, already in words. */
  madeAt: string;
  today: IsoDate;
  copy: ReadableCopy;
}): Promise<Buffer> {
  const { name, addressing, copy } = input;
  const councilName = addressing.council.name;
  const heading = letterHeading(addressing, { date: input.today, kind: 'record-copy' });
  return pdfDocument({ title: `Everything ${councilName} holds about ${name}`, heading }, (letter) => {
    letter.heading(`Everything we hold about ${name}`, 1);
    letter.paragraph(`${councilName}. Made on ${input.madeAt}.`, { size: 11 });
    letter.paragraph(
      'Money is shown in pounds and pence. Internal reference numbers and locked (encrypted) details are left out of this copy.',
      { size: 11 },
    );
    for (const section of copy.sections) {
      letter.heading(section.heading, 2);
      if (section.intro) letter.paragraph(section.intro, { size: 11 });
      if (!section.entries.length) letter.paragraph('We hold nothing of this kind.', { size: 11 });
      section.entries.forEach((entry, index) => {
        if (section.entries.length > 1) letter.heading(`${index + 1} of ${section.entries.length}`, 3);
        else letter.space(0.5);
        for (const { key, lines } of entry) {
          if (lines.length === 1 && lines[0]!.depth === 0) {
            letter.pair(key, lines[0]!.text, { size: 11 });
            continue;
          }
          letter.paragraph(key, { bold: true, size: 11 });
          for (const line of lines) letter.paragraph(line.text, { size: 11, indent: 12 + line.depth * 12 });
        }
      });
    }
    letter.heading(copy.whoLookedHeading, 2);
    if (!copy.audit.length) letter.paragraph('Nobody has looked at this record yet.', { size: 11 });
    for (const event of copy.audit) {
      letter.paragraph(`${event.when}: ${event.who} ${event.what}.`, { size: 11 });
      if (event.reason) letter.paragraph(`Reason given: ${event.reason}`, { size: 11, indent: 16 });
    }
  });
}
