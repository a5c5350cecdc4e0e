/**
 * A made-up caseload to import, for the tests, the browser journey and the benchmark: `count`
 * people with valid CHI numbers (Scotland), a representative and a circle member for some, and
 * one outcome each. Deterministic: the same `prefix` and `count` give the same files.
 */

/** Modulus 11 check digit (weights 10 to 2) over nine digits; null when none is issued. */
function checkDigit(nine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

/** A valid CHI number for this date of birth, the `n`th that exists. */
export function chiFor(dateOfBirth: string, n: number): string {
  const [year, month, day] = dateOfBirth.split('-') as [string, string, string];
  for (let serial = n % 1000; ; serial = (serial + 1) % 1000) {
    const nine = `${day}${month}${year.slice(2)}${String(serial).padStart(3, '0')}`;
    const digit = checkDigit(nine);
    if (digit !== null) return `${nine}${digit}`;
  }
}

export type CaseloadFiles = {
  'people.csv': string;
  'representatives.csv': string;
  'circle.csv': string;
  'outcomes.csv': string;
};

const FIRST = [
  'Ailsa',
  'Calum',
  'Morven',
  'Eilidh',
  'Ruaridh',
  'Isla',
  'Fraser',
  'Kirsty',
  'Lachlan',
  'Mhairi',
];
const LAST = ['Fraser', 'MacLeod', 'Stewart', 'Robertson', 'Munro', 'Grant', 'Ross', 'Reid', 'Innes', 'Gunn'];
const AREAS = ['things_i_do', 'people_i_see', 'where_i_live', 'health', 'feeling_safe'];
const WORDS = [
  'I want to get to the allotment on Saturdays again',
  'I would like to see my grandchildren more',
  'I want to stay in my own flat',
  'I want to feel less tired in the mornings',
  'I want to feel safe when I go out at night',
];

export function caseloadFiles(options: {
  prefix: string;
  count: number;
  workerEmail?: string;
  surnamePrefix?: string;
  /** Added to each CHI number's serial, so two sets of files do not share numbers. */
  chiOffset?: number;
  /** False: no CHI numbers (a benchmark's many rows, where two could meet). */
  chi?: boolean;
}): CaseloadFiles {
  const { prefix, count } = options;
  const people = [
    'person_reference,legal_name,preferred_name,date_of_birth,chi_number,postcode,client_group,status,worker_email',
  ];
  const representatives = [
    'representative_reference,person_reference,name,kind,powers,start_date,end_date,evidence_reference',
  ];
  const circle = ['circle_reference,person_reference,name,relationship,may_see,consent_from,consent_to'];
  const outcomes = ['outcome_reference,person_reference,person_words,said_by,said_by_name,area,priority'];
  for (let i = 1; i <= count; i++) {
    const year = 1940 + (i % 50);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const dateOfBirth = `${year}-${month}-${day}`;
    const first = FIRST[i % FIRST.length]!;
    const last = `${options.surnamePrefix ?? ''}${LAST[Math.floor(i / FIRST.length) % LAST.length]!}`;
    const reference = `${prefix}-P${i}`;
    people.push(
      [
        reference,
        `"${first} ${last}"`,
        first,
        dateOfBirth,
        options.chi === false ? '' : chiFor(dateOfBirth, i + (options.chiOffset ?? 0)),
        'EH1 1YZ',
        i % 3 === 0 ? 'learning_disability' : 'older_people',
        'open',
        options.workerEmail ?? '',
      ].join(','),
    );
    if (i % 5 === 0)
      representatives.push(
        [
          `${prefix}-R${i}`,
          reference,
          `Jo ${last}`,
          'welfare_power_of_attorney',
          '"welfare_decisions; view_record"',
          '2024-06-01',
          '',
          `OPG ${i}/24`,
        ].join(','),
      );
    if (i % 4 === 0)
      circle.push(
        [`${prefix}-C${i}`, reference, `Sam ${last}`, 'my neighbour', 'view_record', '2025-01-10', ''].join(
          ',',
        ),
      );
    outcomes.push(
      [
        `${prefix}-O${i}`,
        reference,
        `"${WORDS[i % WORDS.length]!}, said ""${first}"""`,
        i % 7 === 0 ? 'family' : 'person',
        i % 7 === 0 ? `Jo ${last}` : '',
        AREAS[i % AREAS.length]!,
        i % 2 ? 'high' : 'medium',
      ].join(','),
    );
  }
  const file = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
  return {
    'people.csv': file(people),
    'representatives.csv': file(representatives),
    'circle.csv': file(circle),
    'outcomes.csv': file(outcomes),
  };
}

/** Replaces one cell (row 1 = the first row under the heading row) of a CSV file made above. */
export function withCell(csv: string, row: number, column: string, value: string): string {
  const lines = csv.split('\r\n');
  const heading = lines[0]!.split(',');
  const index = heading.indexOf(column);
  if (index < 0) throw new Error(`no column ${column}`);
  // The files above quote only cells with commas, never the columns tests change.
  const cells = splitLine(lines[row]!);
  cells[index] = value;
  lines[row] = cells.join(',');
  return lines.join('\r\n');
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (c === ',' && !quoted) {
      cells.push(current);
      current = '';
    } else current += c;
  }
  cells.push(current);
  return cells;
}

/**
 * A current agreed budget for every other person of `caseloadFiles` with the same `prefix`
 * (people 2, 4, 6 …): £100 plus £1.25 a person a week, paid by the council's social care
 * stream, or by health for every sixth.
 */
export function caseloadBudgets(options: { prefix: string; count: number }): string {
  const lines = ['budget_reference,person_reference,weekly_amount,funding_stream,start_date,policy_version'];
  for (let i = 2; i <= options.count; i += 2) {
    const pence = 10_000 + i * 125;
    lines.push(
      [
        `${options.prefix}-B${i}`,
        `${options.prefix}-P${i}`,
        `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`,
        i % 6 === 0 ? 'health' : '',
        '2026-04-01',
        '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
