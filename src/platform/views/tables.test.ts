import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelTableCells } from './tables.ts';

const table = `<table class="govuk-table">
  <caption class="govuk-table__caption">Budget</caption>
  <thead class="govuk-table__head"><tr class="govuk-table__row">
    <th scope="col" class="govuk-table__header">What it is for</th>
    <th scope="col" class="govuk-table__header govuk-table__header--numeric">Amount</th>
    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Change "this"</span></th>
  </tr></thead>
  <tbody class="govuk-table__body">
    <tr class="govuk-table__row"><td class="govuk-table__cell">Personal care</td><td class="govuk-table__cell govuk-table__cell--numeric">£120.00</td><td class="govuk-table__cell"><a href="/x">Change</a></td></tr>
    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header" colspan="1">Total</th><td class="govuk-table__cell govuk-table__cell--numeric">£120.00</td><td class="govuk-table__cell"></td></tr>
    <tr class="govuk-table__row"><td class="govuk-table__cell" colspan="3">Nothing else</td></tr>
  </tbody>
</table>`;

describe('labelTableCells', () => {
  const out = labelTableCells(`<p>before</p>${table}<p>after</p>`);

  it('gives every body cell its column heading', () => {
    expect(out).toContain(
      '<td class="govuk-table__cell" role="cell" data-label="What it is for">Personal care</td>',
    );
    expect(out).toContain(
      '<td class="govuk-table__cell govuk-table__cell--numeric" role="cell" data-label="Amount">£120.00',
    );
    // Visually hidden heading text counts, and a quote in it cannot end the attribute.
    expect(out).toContain('data-label="Change &quot;this&quot;"');
    // A row's own heading names the row, so it carries no column label.
    expect(out).toContain('<th scope="row" class="govuk-table__header" colspan="1" role="rowheader">Total');
  });

  it('keeps the table a table for screen readers once it is stacked', () => {
    expect(out).toContain('<table class="govuk-table" role="table">');
    expect(out).toContain('<thead class="govuk-table__head" role="rowgroup">');
    expect(out).toContain('<tbody class="govuk-table__body" role="rowgroup">');
    expect(out.match(/<tr [^>]*role="row"/g)).toHaveLength(4);
    expect(out.match(/<th [^>]*role="columnheader"/g)).toHaveLength(3);
  });

  it('labels no empty cell', () => {
    expect(out).toContain('<td class="govuk-table__cell" role="cell"></td>');
  });

  it('labels no cell that spans several columns', () => {
    expect(out).toContain('<td class="govuk-table__cell" colspan="3" role="cell">Nothing else</td>');
  });

  it('changes nothing but tags: the text of the page is the same', () => {
    const text = (html: string) => html.replace(/<[^>]*>/g, '');
    expect(text(out)).toBe(text(`<p>before</p>${table}<p>after</p>`));
    expect(out.startsWith('<p>before</p>')).toBe(true);
    expect(out.endsWith('<p>after</p>')).toBe(true);
  });

  it('leaves a page without GOV.UK tables alone, and labels a table once', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const safe = s.replace(/[<>]/g, '');
        expect(labelTableCells(`<p>${safe}</p>`)).toBe(`<p>${safe}</p>`);
      }),
    );
    expect(labelTableCells(out)).toBe(out);
  });
});
