import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSection } from '../../platform/import/section.ts';
import { decodeFile, fileProblems, parseRows, readRows, sortProblems, templateCsv } from './rules.ts';
import { IMPORT_SECTIONS } from './sections.ts';

const section = {
  file: 'things.csv',
  columns: [
    { name: 'thing_reference', required: true, description: '', example: 'T1' },
    { name: 'name', required: true, description: '', example: 'A "quoted", thing' },
    { name: 'note', required: false, description: '', example: '' },
  ],
};

describe('decoding a file', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\r\nSeán,Zoë\r\n')]);
    expect(decodeFile({ name: 'x.csv', bytes })).toEqual({ ok: true, text: 'a,b\r\nSeán,Zoë\r\n' });
  });
  it('refuses a file that is not UTF-8, naming the file and how to save it', () => {
    const result = decodeFile({ name: 'people.csv', bytes: Buffer.from('Seán', 'latin1') });
    expect(result).toMatchObject({ ok: false, problem: { file: 'people.csv', row: null, column: null } });
    expect(!result.ok && result.problem.message).toContain('CSV UTF-8');
  });
  it('refuses a NUL character', () => {
    expect(decodeFile({ name: 'p.csv', bytes: Buffer.from('a\u0000b') }).ok).toBe(false);
  });
});

describe('reading rows', () => {
  it('names every missing, unknown or repeated heading at once', () => {
    const { problems } = readRows(section, 'name,colour,name\r\nx,y,z\r\n');
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [null, 'colour'],
      [null, 'name'],
      [null, 'thing_reference'],
    ]);
  });
  it('numbers rows from the first under the headings, skips blank lines and reports a short row', () => {
    const read = readRows(section, 'thing_reference,name\r\n\r\nT1,One\r\nT2\r\nT3,"Three\r\nlines"\r\n');
    expect(read.records.map((r) => r.row)).toEqual([1, 3]);
    expect(read.records[1]!.record.name).toBe('Three\r\nlines');
    expect(read.problems).toEqual([expect.objectContaining({ row: 2, column: null })]);
    expect(read.rowCount).toBe(3);
  });
  it('reports a quote never closed, and an empty file', () => {
    expect(readRows(section, 'thing_reference,name\r\nT1,"open\r\n').problems[0]!.message).toContain(
      'never closed',
    );
    expect(readRows(section, '').problems[0]!.message).toContain('empty');
  });
  it('reads back exactly what any CSV writer wrote (round trip through RFC 4180 quoting)', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }), (records) => {
        // A row of empty cells is a blank line to a spreadsheet: every record here has a reference.
        const withReferences = records.map(([, name, note], i) => [`T${i}`, name, note]);
        const text = stringify([['thing_reference', 'name', 'note'], ...withReferences], {
          record_delimiter: '\r\n',
        });
        const read = readRows(section, text);
        expect(read.problems).toEqual([]);
        expect(read.records.map((r) => [r.record.thing_reference, r.record.name, r.record.note])).toEqual(
          withReferences,
        );
      }),
    );
  });
  it('reads every template back as one row of its examples', () => {
    for (const s of [section, ...IMPORT_SECTIONS]) {
      const read = readRows(s, templateCsv(s));
      expect(read.problems).toEqual([]);
      expect(read.records[0]!.record).toEqual(Object.fromEntries(s.columns.map((c) => [c.name, c.example])));
    }
  });
});

describe('the templates', () => {
  it('each example row is one its section accepts', () => {
    for (const s of IMPORT_SECTIONS) {
      const record = Object.fromEntries(s.columns.map((c) => [c.name, c.example]));
      expect(s.parse(record, 1, { today: '2026-12-02', nation: 'scotland' }), s.file).toMatchObject({
        ok: true,
      });
    }
  });
});

describe('parsing rows', () => {
  const things: ImportSection<string> = {
    ...section,
    kind: 'thing',
    title: 'Things',
    description: '',
    optional: true,
    parse: (record, row) =>
      record.name
        ? { ok: true, reference: record.thing_reference!, value: record.name }
        : { ok: false, problems: [{ file: 'things.csv', row, column: 'name', message: 'Enter a name' }] },
    check: () => [],
    write: async () => new Map(),
  };
  const context = { today: '2026-12-02', nation: 'scotland' as const };
  it('keeps every parse problem and refuses a reference already on an earlier row', () => {
    const result = parseRows(
      things,
      [
        { row: 1, record: { thing_reference: 'A', name: 'x' } },
        { row: 2, record: { thing_reference: 'B', name: '' } },
        { row: 3, record: { thing_reference: 'A', name: 'y' } },
      ],
      context,
    );
    expect(result.rows.map((r) => r.reference)).toEqual(['A']);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'name'],
      [3, 'thing_reference'],
    ]);
    expect(result.problems[1]!.message).toContain('row 1');
  });
});

describe('the files of an import', () => {
  it('needs people.csv, refuses a file it does not know and a file twice', () => {
    expect(
      fileProblems(IMPORT_SECTIONS, ['outcomes.csv', 'budget.csv', 'OUTCOMES.csv']).map((p) => p.file),
    ).toEqual(['budget.csv', 'OUTCOMES.csv', 'people.csv']);
    expect(fileProblems(IMPORT_SECTIONS, ['people.csv'])).toEqual([]);
  });
  it('lists problems by file order, then row, whole-file problems first', () => {
    const p = (file: string, row: number | null) => ({ file, row, column: null, message: '' });
    expect(
      sortProblems([p('b.csv', 2), p('a.csv', 5), p('b.csv', null), p('a.csv', 1)], ['a.csv', 'b.csv']),
    ).toEqual([p('a.csv', 1), p('a.csv', 5), p('b.csv', null), p('b.csv', 2)]);
  });
});
