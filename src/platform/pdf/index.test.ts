import { describe, expect, it } from 'vitest';
import { pdfContent, pdfTagging, pdfText } from '../../../test/support/pdf-text.ts';
import { type LetterHeading, letterHeading, letterReference, PDF_MARGIN, pdfDocument } from './index.ts';

const HEADING: LetterHeading = {
  council: {
    name: 'Demo Council',
    addressLines: ['1 Example Square', 'Demotown', 'ZZ1 1ZZ'],
    phone: '0131 496 0123',
    email: 'socialcare@demo-council.example',
    website: 'https://demo-council.example',
    howToContact: 'Phone us Monday to Friday, 9am to 5pm.',
  },
  to: { name: 'Morag Campbell', addressLines: ['12 Leith Walk', 'Edinburgh', 'EH6 8AB'] },
  date: '2026-12-02',
  reference: 'SD-1F0C93AB/BUDGET-2',
  contact: 'Sam Okafor, Adult Community Care North',
};

describe('the one PDF set-up', () => {
  it('makes an A4 tagged PDF 1.7 with the title shown, in British English, with the margins', async () => {
    let margins: unknown;
    const pdf = await pdfDocument({ title: 'Your budget', heading: HEADING }, (letter) => {
      margins = letter.doc.page.margins;
      letter.paragraph('Hello Morag');
    });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(pdfText(pdf)).toContain('Hello Morag');
    expect(pdfTagging(pdf)).toMatchObject({
      marked: true,
      structTreeRoot: true,
      lang: 'en-GB',
      displayDocTitle: true,
      title: 'Your budget',
      author: 'Demo Council',
    });
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(margins).toEqual({ top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN });
  });

  it('heads every letter with the council, the person, the date, the reference and who to contact', async () => {
    const text = pdfText(await pdfDocument({ title: 'A letter', heading: HEADING }, () => {})).split('\n');
    for (const line of [
      'Demo Council',
      '1 Example Square',
      'Demotown',
      'ZZ1 1ZZ',
      'Phone: 0131 496 0123',
      'E-mail: socialcare@demo-council.example',
      'Morag Campbell',
      '12 Leith Walk',
      'EH6 8AB',
      '2 December 2026',
      'SD-1F0C93AB/BUDGET-2',
      'Sam Okafor, Adult Community Care North',
      'How to contact us',
      'Phone us Monday to Friday, 9am to 5pm.',
    ])
      expect(text, line).toContain(line);
    // The council above the person, the person above the date, as on a posted letter.
    expect(text.indexOf('ZZ1 1ZZ')).toBeLessThan(text.indexOf('Morag Campbell'));
    expect(text.indexOf('EH6 8AB')).toBeLessThan(text.indexOf('2 December 2026'));
  });

  it('tags headings, paragraphs, lists and tables, and marks the page foot as an artefact', async () => {
    const pdf = await pdfDocument({ title: 'Tags', heading: HEADING }, (letter) => {
      letter.heading('Your budget', 1);
      letter.heading('Every line', 2);
      letter.list(['One', 'Two']);
      letter.table(
        [{ header: 'What' }, { header: 'A week', width: 80, align: 'right' }],
        [['Care', '£10.00']],
      );
    });
    const { tags } = pdfTagging(pdf);
    for (const tag of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD'])
      expect(tags, tag).toContain(tag);
    expect(pdfText(pdf)).toContain('Page 1 of 1');
    expect(pdfContent(pdf)).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
  });

  it('leaves out a council’s address and contact details it has not given, never printing them empty', async () => {
    const bare: LetterHeading = {
      ...HEADING,
      council: {
        name: 'Other Council',
        addressLines: [],
        phone: null,
        email: null,
        website: null,
        howToContact: null,
      },
    };
    const text = pdfText(await pdfDocument({ title: 'A letter', heading: bare }, () => {}));
    expect(text).toContain('Other Council');
    expect(text).not.toMatch(/Phone:\s*$|E-mail:\s*$|null|undefined/m);
  });

  it('makes a reference from the record, the kind of letter and its version', () => {
    expect(letterReference('SD-1F0C93AB', 'budget', 2)).toBe('SD-1F0C93AB/BUDGET-2');
    expect(letterReference('SD-1F0C93AB', 'record-copy')).toBe('SD-1F0C93AB/RECORD-COPY');
    const { date: _date, reference: _reference, ...addressing } = HEADING;
    expect(
      letterHeading(
        { ...addressing, recordReference: 'SD-1' },
        { date: '2026-01-05', kind: 'plan', version: 3 },
      ),
    ).toEqual({
      ...HEADING,
      date: '2026-01-05',
      reference: 'SD-1/PLAN-3',
    });
  });

  it('fails with the error when writing the document fails', async () => {
    await expect(
      pdfDocument({ title: 'Broken', heading: HEADING }, () => {
        throw new Error('no such line');
      }),
    ).rejects.toThrow('no such line');
  });
});
