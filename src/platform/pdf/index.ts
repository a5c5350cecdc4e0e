import PDFDocument from 'pdfkit';

/** A PDF being written (pdfkit's document). */
export type Pdf = PDFKit.PDFDocument;

/** Left, right, top and bottom margin of every letter and document, in points (about 2 cm). */
export const PDF_MARGIN = 56;

/**
 * The one set-up for the PDFs the service makes (letters, the plan, the record copy): A4, the
 * same margins, standard fonts only (nothing to install on the server), British English and the
 * title shown by the reader. `write` draws the pages; the finished file comes back as bytes.
 */
export function pdfDocument(
  meta: { title: string; author?: string },
  write: (doc: Pdf) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: PDF_MARGIN,
      info: { Title: meta.title, ...(meta.author ? { Author: meta.author } : {}) },
      lang: 'en-GB',
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      write(doc);
    } catch (error) {
      reject(error);
      return;
    }
    doc.end();
  });
}
