import { PDF_MARGIN, type Pdf, pdfDocument } from '../pdf/index.ts';
import { EASY_READ_PICTURES, type Picture } from './pictures.ts';
import type { EasyReadLine } from './rules.ts';

/** Picture size on paper, in points (about 2 cm), and the gap between picture and words. */
const PICTURE = 56;
const GAP = 16;
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
 * An Easy Read letter: a heading, then each line's picture on the left and its words on the
 * right, one idea a row, in big print. The same lines the Easy Read page shows.
 */
export function easyReadPdf(
  meta: { title: string; author?: string },
  heading: string,
  lines: readonly EasyReadLine[],
): Promise<Buffer> {
  return pdfDocument(meta, (doc) => {
    doc.font('Helvetica-Bold').fontSize(24).fillColor('black').text(heading);
    doc.moveDown(0.8);
    const textX = PDF_MARGIN + PICTURE + GAP;
    const textWidth = doc.page.width - PDF_MARGIN - textX;
    doc.font('Helvetica').fontSize(TEXT_SIZE);
    for (const line of lines) {
      const textHeight = doc.heightOfString(line.text, { width: textWidth });
      const rowHeight = Math.max(PICTURE, textHeight);
      if (doc.y + rowHeight > doc.page.height - PDF_MARGIN) doc.addPage();
      const top = doc.y;
      drawPicture(doc, EASY_READ_PICTURES[line.picture], PDF_MARGIN, top);
      doc
        .fillColor('black')
        .text(line.text, textX, top + Math.max(0, (PICTURE - textHeight) / 2), { width: textWidth });
      doc.x = PDF_MARGIN;
      doc.y = top + rowHeight + GAP;
    }
  });
}
