import { type LetterHeading, type Pdf, pdfDocument } from '../pdf/index.ts';
import { EASY_READ_PICTURES, type Picture } from './pictures.ts';
import type { EasyReadLine } from './rules.ts';

/** Picture size on paper, in points (about 2 cm). */
const PICTURE = 56;
/** Easy Read print is big: at least 14 point (the guidance asks for 14 or more). */
const TEXT_SIZE = 16;

/** Draws one catalogue picture with its top-left corner at (x, y), `size` points wide. */
export function drawPicture(doc: Pdf, picture: Picture, x: number, y: number, size = PICTURE) {
  doc.save();
  doc.translate(x, y).scale(size / 64);
  for (const shape of picture.shapes) {
    doc.path(shape.d);
    if (shape.stroke)
      doc
        .lineWidth(shape.width ?? 3)
        .lineJoin('round')
        .lineCap('round');
    if (shape.fill !== 'none' && shape.stroke) doc.fillAndStroke(shape.fill, shape.stroke);
    else if (shape.fill !== 'none') doc.fill(shape.fill);
    else if (shape.stroke) doc.stroke(shape.stroke);
  }
  doc.restore();
}

/**
 * An Easy Read letter: the council's usual letter heading (addresses, date, reference, who to
 * contact), then each line's picture on the left and its words on the right, one idea a row, in
 * big print, every picture tagged with its alt text. The same lines the Easy Read page shows.
 */
export function easyReadPdf(
  letter: { title: string; heading: LetterHeading },
  heading: string,
  lines: readonly EasyReadLine[],
): Promise<Buffer> {
  return pdfDocument(letter, (writer) => {
    writer.heading(heading, 1);
    writer.space(0.5);
    for (const line of lines) {
      const picture = EASY_READ_PICTURES[line.picture];
      writer.picturedLine(
        { alt: picture.alt, draw: (doc, x, y, size) => drawPicture(doc, picture, x, y, size) },
        line.text,
        { size: TEXT_SIZE, pictureSize: PICTURE },
      );
    }
  });
}
