/**
 * Tables that fit a phone, for every page at once.
 *
 * On a narrow screen (public/selfdirect.css, below 641 px) each row of a `govuk-table` stacks into
 * label and value pairs: the column headings are hidden and every cell shows its own heading
 * before its value, amounts kept whole and right-aligned. A cell learns its heading from the
 * `data-label` this function writes into the rendered page, so no template spells its headings
 * twice and a new table fits a phone without anyone remembering to make it (a horizontally
 * scrolling table would hide the very columns people need, such as the amount).
 *
 * Stacking a table with CSS makes some browsers forget that it is a table, so screen readers
 * lose the headings; the explicit roles (table, rowgroup, row, columnheader, rowheader, cell)
 * keep it one, as the pattern's authors advise. The headings' own text is still read from the
 * hidden header row; the written label is for the eye.
 *
 * This reads our own rendered templates, not arbitrary HTML: Nunjucks escapes every value, so a
 * `<` inside a cell is always a tag we wrote, and our tables never nest.
 */

const TABLE = /<table\b[^>]*\bclass="[^"]*\bgovuk-table\b[^"]*"[^>]*>[\s\S]*?<\/table>/g;
const HEAD = /<thead\b[^>]*>([\s\S]*?)<\/thead>/;
const ROW = /<tr\b[^>]*>[\s\S]*?<\/tr>/g;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g;

/** The text a heading shows or says (visually hidden text included), one line, safe in an attribute. */
export function headingText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/"/g, '&quot;');
}

const isEmpty = (html: string) =>
  !/<(img|input|svg|button|select|textarea)\b/.test(html) && headingText(html) === '';

const span = (attributes: string) => Number(/\bcolspan="(\d+)"/.exec(attributes)?.[1] ?? 1);

/** Adds an attribute to an opening tag, unless the tag already has it. */
function withAttribute(tag: string, name: string, value: string): string {
  if (new RegExp(`\\s${name}=`).test(tag)) return tag;
  return tag.replace(/\s*>$/, ` ${name}="${value}">`);
}

/** Gives every opening `tag` the role, unless it already has one. */
function withRole(html: string, tag: string, role: string): string {
  return html.replace(new RegExp(`<${tag}\\b[^>]*>`, 'g'), (open) => withAttribute(open, 'role', role));
}

function labelTable(table: string): string {
  const head = HEAD.exec(table);
  const headings: string[] = [];
  if (head) {
    const rows = head[1]!.match(ROW) ?? [];
    const last = rows[rows.length - 1] ?? '';
    for (const cell of last.matchAll(CELL)) {
      const text = headingText(cell[3]!);
      for (let i = 0; i < span(cell[2]!); i++) headings.push(text);
    }
  }
  const headEnd = head ? head.index + head[0].length : 0;
  const labelledHead = withRole(
    withRole(withRole(table.slice(0, headEnd), 'thead', 'rowgroup'), 'tr', 'row'),
    'th',
    'columnheader',
  );
  const body = withRole(table.slice(headEnd), '(?:tbody|tfoot)', 'rowgroup');
  const labelledBody = body.replace(ROW, (row) => {
    let column = 0;
    return withRole(row, 'tr', 'row').replace(
      CELL,
      (cell, kind: string, attributes: string, content: string) => {
        const columns = span(attributes);
        const label = columns === 1 ? headings[column] : undefined;
        column += columns;
        const openTag = `<${kind}${attributes}>`;
        // A row's own heading (th) names the row: it needs no column label above it.
        let open = withAttribute(openTag, 'role', kind === 'th' ? 'rowheader' : 'cell');
        // An empty cell says nothing: no label over nothing.
        if (label && kind === 'td' && !isEmpty(content)) open = withAttribute(open, 'data-label', label);
        return open + cell.slice(openTag.length);
      },
    );
  });
  return withRole(labelledHead + labelledBody, 'table', 'table');
}

/** Every GOV.UK table in a rendered page, with its cells labelled for a phone. */
export function labelTableCells(html: string): string {
  if (!html.includes('govuk-table')) return html;
  return html.replace(TABLE, labelTable);
}
