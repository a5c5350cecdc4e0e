import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { TEST_ADDRESSING } from '../pdf/pdf.fixtures.ts';
import { easyReadPdf } from './pdf.ts';
import { EASY_READ_PICTURES, PICTURE_NAMES, pictureSvg } from './pictures.ts';

const folder = fileURLToPath(new URL('../../../public/easy-read/', import.meta.url));

describe('the Easy Read pictures', () => {
  it('are kept in the repository as drawn in the catalogue (run scripts/draw-easy-read-pictures.ts)', () => {
    for (const name of PICTURE_NAMES)
      expect(readFileSync(`${folder}${name}.svg`, 'utf8'), `${name}.svg`).toBe(pictureSvg(name));
    const files = readdirSync(folder).filter((f) => f.endsWith('.svg'));
    expect(files.sort()).toEqual(PICTURE_NAMES.map((n) => `${n}.svg`).sort());
  });

  it('each has alt text and a drawing, and the folder says how they are licensed', () => {
    for (const name of PICTURE_NAMES) {
      const picture = EASY_READ_PICTURES[name];
      expect(picture.alt.trim().length, name).toBeGreaterThan(3);
      expect(picture.shapes.length, name).toBeGreaterThan(0);
    }
    expect(existsSync(`${folder}LICENCE.md`)).toBe(true);
    expect(readFileSync(`${folder}LICENCE.md`, 'utf8')).toContain('CC0 1.0');
  });

  it('draw in a PDF beside their words', async () => {
    const pdf = await easyReadPdf(
      { title: 'Pictures', heading: { ...TEST_ADDRESSING, date: '2026-12-02', reference: 'SD-1/PICTURES' } },
      'Every picture',
      PICTURE_NAMES.map((name) => ({
        picture: name,
        text: `This is ${EASY_READ_PICTURES[name].alt.toLowerCase()}.`,
      })),
    );
    const text = pdfText(pdf);
    expect(text).toContain('Every picture');
    expect(text).toContain('This is a house.');
  });
});
