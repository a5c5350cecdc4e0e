import PDFDocument from 'pdfkit';
import { formatDate, type IsoDate } from '../dates.ts';

/** A PDF being written (pdfkit's document). */
export type Pdf = PDFKit.PDFDocument;

/** Left, right, top and bottom margin of every letter and document, in points (about 2 cm). */
export const PDF_MARGIN = 56;

/** How a council is reached, as its letters print it. Blank parts are left out, never printed empty. */
export interface CouncilContact {
  name: string;
  /** The postal address a line each (street lines, town, postcode), blanks already left out. */
  addressLines: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  /** A sentence or two: opening hours, other formats, text relay. */
  howToContact: string | null;
}

/**
 * What every letter carries at its head and foot, whichever feature writes it: who it is from,
 * who it is to, when, the reference to quote, and who to contact. The people feature reads it
 * for a person (`letterAddressing`); the letter adds its date and kind.
 */
export interface LetterHeading {
  council: CouncilContact;
  /** Who the letter is to: their name and postal address, a line each. */
  to: { name: string; addressLines: string[] };
  date: IsoDate;
  /** What to quote when getting in touch: the person's record reference and which letter this is. */
  reference: string;
  /** Who at the council to contact: the allocated worker and their team, or the team. */
  contact: string;
}

/** A letter's reference: the record's, then the kind of letter and, where it has one, its version. */
export function letterReference(recordReference: string, kind: string, version?: number | null): string {
  return `${recordReference}/${kind.toUpperCase()}${version ? `-${version}` : ''}`;
}

export interface TextStyle {
  /** Points; body text is 12 (clear print), small print 11. */
  size?: number;
  bold?: boolean;
  /** A hex colour with enough contrast on white; black unless given. */
  colour?: string;
  align?: 'left' | 'right';
  /** Extra space before, in lines. */
  before?: number;
  /** Points in from the left margin (a nested line). */
  indent?: number;
}

export interface TableColumn {
  header: string;
  /** Points, or a share of what is left when omitted. */
  width?: number;
  align?: 'left' | 'right';
}

/**
 * Writes a letter's body as tagged content, so a screen reader reads it in order with its
 * headings, paragraphs, lists and tables. Everything a letter shows goes through these; `doc`
 * is there for the position (`doc.y`) and page size, not for drawing untagged text.
 */
export interface LetterWriter {
  readonly doc: Pdf;
  /** Level 1 is the letter's title (once); 2 its sections; 3 a part of a section. */
  heading(text: string, level?: 1 | 2 | 3): void;
  paragraph(text: string, style?: TextStyle): void;
  /** One paragraph: the key in bold, then its value ("Why: …"). */
  pair(key: string, value: string, style?: TextStyle): void;
  /** A bulleted list, tagged as a list. */
  list(items: string[], style?: TextStyle): void;
  /**
   * A table with a header row, tagged as a table (TH for headers, TD for cells); `total`, when
   * given, is a last row in bold (a sum or the figure the rows come to).
   */
  table(columns: TableColumn[], rows: string[][], options?: { size?: number; total?: string[] }): void;
  /**
   * A picture beside its words (Easy Read): the picture tagged as a Figure with its alt text,
   * the words as a paragraph beside it, in `size`-point print.
   */
  picturedLine(picture: PdfPicture, text: string, options?: { size?: number; pictureSize?: number }): void;
  /** Space between blocks, in lines (untagged: space is not content). */
  space(lines?: number): void;
}

/** A picture a letter draws itself (vector paths), with the words a screen reader says for it. */
export interface PdfPicture {
  alt: string;
  draw(doc: Pdf, x: number, y: number, size: number): void;
}

const BODY = 12;
const HEADING_SIZES = { 1: 20, 2: 15, 3: 13 } as const;
const SECONDARY = '#505a5f';
const RULE = '#b1b4b6';

/**
 * The one set-up for the PDFs the service makes (letters, the plan, the record copy): A4, the
 * same margins, standard fonts only (nothing to install on the server), tagged PDF 1.7 in British
 * English with the title shown by the reader, and the same heading and foot on every one: the
 * council's name and address, the person's name and address, the date, the reference and who to
 * contact, with a closing "how to contact us" and a page foot quoting the reference. `write` draws
 * the body through the `LetterWriter`; the finished file comes back as bytes.
 */
export function pdfDocument(
  letter: { title: string; heading: LetterHeading },
  write: (writer: LetterWriter) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { heading } = letter;
    const doc = new PDFDocument({
      size: 'A4',
      margin: PDF_MARGIN,
      info: {
        Title: letter.title,
        Author: heading.council.name,
        Subject: `Our reference: ${heading.reference}`,
      },
      lang: 'en-GB',
      displayTitle: true,
      tagged: true,
      pdfVersion: '1.7',
      bufferPages: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const root = doc.struct('Document');
      doc.addStructure(root);
      const writer = letterWriter(doc, root);
      drawHeading(doc, writer, root, heading);
      write(writer);
      drawContact(writer, heading);
      root.end();
      drawPageFeet(doc, heading);
    } catch (error) {
      reject(error);
      return;
    }
    doc.end();
  });
}

function letterWriter(doc: Pdf, root: PDFKit.PDFStructureElement): LetterWriter {
  const left = PDF_MARGIN;
  const width = doc.page.width - 2 * PDF_MARGIN;
  const set = (style: TextStyle = {}) => {
    if (style.before) doc.moveDown(style.before);
    doc
      .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(style.size ?? BODY)
      .fillColor(style.colour ?? 'black');
  };
  /** Starts a new page when fewer than `lines` lines fit, so a heading never ends a page. */
  const keepLines = (lines: number) => {
    if (doc.y + doc.currentLineHeight(true) * lines > doc.page.maxY()) doc.addPage();
  };
  const writer: LetterWriter = {
    doc,
    heading(text, level = 2) {
      doc.moveDown(level === 1 ? 0.5 : level === 2 ? 1 : 0.7);
      doc.font('Helvetica-Bold').fontSize(HEADING_SIZES[level]);
      keepLines(3);
      root.add(
        doc.struct(`H${level}`, {}, () => {
          doc.fillColor('black').text(text, left, doc.y, { width });
        }),
      );
      doc.moveDown(0.3);
    },
    paragraph(text, style) {
      set(style);
      root.add(
        doc.struct('P', {}, () => {
          const indent = style?.indent ?? 0;
          doc.text(text, left + indent, doc.y, {
            width: width - indent,
            align: style?.align ?? 'left',
            lineGap: 2,
          });
        }),
      );
      doc.fillColor('black');
      doc.x = left;
    },
    picturedLine(picture, text, options = {}) {
      const pictureSize = options.pictureSize ?? 56;
      const gap = 16;
      doc
        .font('Helvetica')
        .fontSize(options.size ?? BODY)
        .fillColor('black');
      const textX = left + pictureSize + gap;
      const textWidth = width - pictureSize - gap;
      const textHeight = doc.heightOfString(text, { width: textWidth });
      const rowHeight = Math.max(pictureSize, textHeight);
      if (doc.y + rowHeight > doc.page.maxY()) doc.addPage();
      const top = doc.y;
      root.add(doc.struct('Figure', { alt: picture.alt }, () => picture.draw(doc, left, top, pictureSize)));
      root.add(
        doc.struct('P', {}, () => {
          doc
            .fillColor('black')
            .text(text, textX, top + Math.max(0, (pictureSize - textHeight) / 2), { width: textWidth });
        }),
      );
      doc.x = left;
      doc.y = top + rowHeight + gap;
    },
    pair(key, value, style) {
      set(style);
      root.add(
        doc.struct('P', {}, () => {
          doc.font('Helvetica-Bold').text(`${key}: `, left, doc.y, { width, continued: true, lineGap: 2 });
          doc.font('Helvetica').text(value, { lineGap: 2 });
        }),
      );
    },
    list(items, style) {
      set(style);
      const list = doc.struct('L');
      root.add(list);
      const indent = 16;
      for (const text of items) {
        keepLines(1);
        const item = doc.struct('LI');
        list.add(item);
        const y = doc.y;
        item.add(doc.struct('Lbl', {}, () => doc.text('•', left, y, { width: indent, lineBreak: false })));
        item.add(
          doc.struct('LBody', {}, () =>
            doc.text(text, left + indent, y, { width: width - indent, lineGap: 2 }),
          ),
        );
        item.end();
        doc.moveDown(0.2);
      }
      list.end();
      doc.x = left;
    },
    table(columns, rows, options) {
      const size = options?.size ?? BODY - 1;
      const padding = 4;
      const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
      const flexible = columns.filter((column) => !column.width).length;
      const widths = columns.map((column) => column.width ?? (width - fixed) / Math.max(flexible, 1));
      const table = doc.struct('Table');
      root.add(table);
      const row = (cells: string[], kind: 'TH' | 'TD', bold: boolean, rule: number) => {
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(size)
          .fillColor('black');
        const height =
          Math.max(
            ...cells.map((text, index) =>
              doc.heightOfString(text || ' ', { width: widths[index]! - 2 * padding, lineGap: 1 }),
            ),
          ) +
          2 * padding;
        if (doc.y + height > doc.page.maxY()) doc.addPage();
        const top = doc.y;
        const tr = doc.struct('TR');
        table.add(tr);
        let x = left;
        cells.forEach((text, index) => {
          const cellX = x;
          const cellWidth = widths[index]!;
          tr.add(
            doc.struct(kind, {}, () => {
              doc.text(text, cellX + padding, top + padding, {
                width: cellWidth - 2 * padding,
                align: columns[index]?.align ?? 'left',
                lineGap: 1,
              });
            }),
          );
          x += cellWidth;
        });
        tr.end();
        // The rule under the row is decoration: marked as an artefact, not read aloud.
        doc.markContent('Artifact', { type: 'Layout' });
        doc
          .moveTo(left, top + height)
          .lineTo(left + width, top + height)
          .lineWidth(rule)
          .strokeColor(rule > 1 ? 'black' : RULE)
          .stroke();
        doc.endMarkedContent();
        doc.x = left;
        doc.y = top + height;
      };
      row(
        columns.map((column) => column.header),
        'TH',
        true,
        1.5,
      );
      for (const cells of rows) row(cells, 'TD', false, 0.5);
      if (options?.total) row(options.total, 'TD', true, 0.5);
      table.end();
      doc.x = left;
      doc.moveDown(0.5);
    },
    space(lines = 1) {
      doc.moveDown(lines);
    },
  };
  return writer;
}

/** The head of the first page: from, to, date, reference, who to contact. */
function drawHeading(
  doc: Pdf,
  writer: LetterWriter,
  root: PDFKit.PDFStructureElement,
  heading: LetterHeading,
) {
  const { council } = heading;
  const width = doc.page.width - 2 * PDF_MARGIN;
  const councilLines = [
    ...council.addressLines,
    ...(council.phone ? [`Phone: ${council.phone}`] : []),
    ...(council.email ? [`E-mail: ${council.email}`] : []),
    ...(council.website ? [council.website] : []),
  ];
  // A paragraph a line, so each line of an address is read as a line, not run into the next.
  const line = (text: string, style: { bold?: boolean; size: number; align: 'left' | 'right' }) =>
    root.add(
      doc.struct('P', {}, () => {
        doc
          .font(style.bold ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(style.size)
          .fillColor('black')
          .text(text, PDF_MARGIN, doc.y, { width, align: style.align });
      }),
    );
  line(council.name, { bold: true, size: 14, align: 'right' });
  for (const text of councilLines) line(text, { size: 11, align: 'right' });
  doc.moveDown(1.5);
  for (const text of [heading.to.name, ...heading.to.addressLines]) line(text, { size: BODY, align: 'left' });
  doc.moveDown(1.5);
  writer.pair('Date', formatDate(heading.date), { size: 11 });
  writer.pair('Our reference', heading.reference, { size: 11 });
  writer.pair('Who to contact', heading.contact, { size: 11 });
  doc.moveDown(0.8);
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .moveTo(PDF_MARGIN, doc.y)
    .lineTo(doc.page.width - PDF_MARGIN, doc.y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.endMarkedContent();
  doc.moveDown(0.5);
}

/** The close of every letter: who to contact and how, and the reference to quote. */
function drawContact(writer: LetterWriter, heading: LetterHeading) {
  const { council } = heading;
  writer.heading('How to contact us', 2);
  if (council.howToContact) writer.paragraph(council.howToContact);
  writer.pair('Who to contact', `${heading.contact}, ${council.name}`, { before: 0.3 });
  if (council.phone) writer.pair('Phone', council.phone);
  if (council.email) writer.pair('E-mail', council.email);
  if (council.website) writer.pair('Website', council.website);
  if (council.addressLines.length)
    writer.pair('Write to', [council.name, ...council.addressLines].join(', '));
  writer.paragraph(`Please quote our reference ${heading.reference}.`, { before: 0.3 });
}

/** Each page's foot: the council, the reference and the page number, marked as pagination (not read aloud). */
function drawPageFeet(doc: Pdf, heading: LetterHeading) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index++) {
    doc.switchToPage(start + index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(SECONDARY)
      .text(
        `${heading.council.name} · Our reference ${heading.reference} · Page ${index + 1} of ${count}`,
        PDF_MARGIN,
        doc.page.height - PDF_MARGIN + 18,
        { width: doc.page.width - 2 * PDF_MARGIN, align: 'center', lineBreak: false },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/** What the people feature reads for a person's letters; each letter adds its date and kind. */
export type LetterAddressing = Omit<LetterHeading, 'date' | 'reference'> & {
  /** The person's record reference, printed on their letters and quoted back. */
  recordReference: string;
};

/** A letter's heading: the person's addressing, the letter's date and which letter it is. */
export function letterHeading(
  addressing: LetterAddressing,
  letter: { date: IsoDate; kind: string; version?: number | null },
): LetterHeading {
  const { recordReference, ...rest } = addressing;
  return {
    ...rest,
    date: letter.date,
    reference: letterReference(recordReference, letter.kind, letter.version),
  };
}
