import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { PDF_MARGIN, pdfDocument } from './index.ts';

describe('the one PDF set-up', () => {
  it('makes an A4 PDF with the text written, its title and author, in British English', async () => {
    let margins: unknown;
    const pdf = await pdfDocument({ title: 'Your budget', author: 'Demo Council' }, (doc) => {
      margins = doc.page.margins;
      doc.text('Hello Morag');
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('Hello Morag');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(margins).toEqual({ top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN });
  });

  it('fails with the error when writing the document fails', async () => {
    await expect(
      pdfDocument({ title: 'Broken' }, () => {
        throw new Error('no such line');
      }),
    ).rejects.toThrow('no such line');
  });
});
