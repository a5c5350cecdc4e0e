import { describe, expect, it } from 'vitest';
import type { ImportReferences } from '../../platform/import/section.ts';
import { circleSection, type ImportedPerson, peopleSection, representativesSection } from './import.ts';

const context = { today: '2026-12-02', nation: 'scotland' as const };
const person = {
  person_reference: 'OLD-1',
  legal_name: 'Ailsa Fraser',
  date_of_birth: '23/04/1961',
  chi_number: '230461 5015',
  client_group: 'older_people',
};

function references(people: Record<string, ImportedPerson> = {}): ImportReferences {
  return {
    has: (kind, reference) => kind === 'person' && reference in people,
    idOf: () => undefined,
    valueOf: (kind, reference) => (kind === 'person' ? people[reference] : undefined),
  };
}

describe('people.csv', () => {
  it('reads a row as the record form would save it: identifiers as digits, dates as ISO, defaults filled', () => {
    const parsed = peopleSection.parse(person, 1, context);
    expect(parsed).toMatchObject({
      ok: true,
      reference: 'OLD-1',
      value: {
        fields: {
          legalName: 'Ailsa Fraser',
          dateOfBirth: '1961-04-23',
          chiNumber: '2304615015',
          status: 'open',
          mainLanguage: 'English',
        },
      },
    });
  });
  it('reports every problem of a row, each in its column, once', () => {
    const parsed = peopleSection.parse(
      {
        ...person,
        date_of_birth: '1961-02-30',
        chi_number: '2304615016',
        status: 'active',
        interpreter_needed: 'maybe',
      },
      4,
      context,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'date_of_birth'],
      [4, 'interpreter_needed'],
      [4, 'status'],
      [4, 'chi_number'],
    ]);
    expect(parsed.problems.every((p) => p.file === 'people.csv')).toBe(true);
  });
  it('refuses a CHI number that does not match the date of birth', () => {
    const parsed = peopleSection.parse({ ...person, date_of_birth: '1961-04-24' }, 2, context);
    expect(!parsed.ok && parsed.problems[0]).toMatchObject({ column: 'chi_number' });
  });
  it('finds the same CHI number on two rows', () => {
    const one = peopleSection.parse(person, 1, context);
    const two = peopleSection.parse({ ...person, person_reference: 'OLD-2' }, 2, context);
    if (!one.ok || !two.ok) throw new Error('should parse');
    const problems = peopleSection.check(
      [
        { row: 1, reference: one.reference, value: one.value },
        { row: 2, reference: two.reference, value: two.value },
      ],
      references(),
      context,
    );
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: 'chi_number' })]);
    expect(problems[0]!.message).toContain('row 1');
  });
});

describe('representatives.csv', () => {
  const rep = {
    representative_reference: 'REP-1',
    person_reference: 'OLD-1',
    name: 'Iain Fraser',
    kind: 'welfare_power_of_attorney',
    powers: 'welfare_decisions; view_record',
    start_date: '2024-06-01',
  };
  it('reads powers separated by semicolons', () => {
    expect(representativesSection.parse(rep, 1, context)).toMatchObject({
      ok: true,
      value: { powers: ['welfare_decisions', 'view_record'], endDate: null },
    });
  });
  it('refuses a power the authority cannot give, and a date that does not exist', () => {
    const parsed = representativesSection.parse(
      { ...rep, powers: 'financial_decisions', end_date: '2026-02-30' },
      3,
      context,
    );
    expect(!parsed.ok && parsed.problems.map((p) => p.column)).toEqual(['end_date']);
    const wrongPower = representativesSection.parse({ ...rep, powers: 'financial_decisions' }, 3, context);
    expect(!wrongPower.ok && wrongPower.problems[0]).toMatchObject({ column: 'powers' });
  });
  it('checks a parent’s authority against the person’s date of birth in the same files', () => {
    const parent = representativesSection.parse(
      {
        ...rep,
        kind: 'parent_with_parental_responsibility',
        powers: 'welfare_decisions',
        start_date: '2020-01-01',
      },
      1,
      context,
    );
    if (!parent.ok) throw new Error('should parse');
    const child = peopleSection.parse({ ...person, date_of_birth: '2015-05-05', chi_number: '' }, 1, context);
    if (!child.ok) throw new Error('should parse');
    const problems = representativesSection.check(
      [{ row: 1, reference: parent.reference, value: parent.value }],
      references({ 'OLD-1': child.value }),
      context,
    );
    // No end date: a parent's authority ends before the child turns 16 in Scotland.
    expect(problems).toEqual([expect.objectContaining({ column: 'end_date' })]);
    expect(problems[0]!.message).toContain('2031-05-04');
  });
  it('refuses a person in neither the files nor an earlier import', () => {
    const parsed = representativesSection.parse(rep, 1, context);
    if (!parsed.ok) throw new Error('should parse');
    expect(
      representativesSection.check(
        [{ row: 1, reference: parsed.reference, value: parsed.value }],
        references(),
        context,
      ),
    ).toEqual([expect.objectContaining({ column: 'person_reference' })]);
  });
});

describe('circle.csv', () => {
  it('reads consent and refuses a scope that is not on the list', () => {
    const member = {
      circle_reference: 'C-1',
      person_reference: 'OLD-1',
      name: 'Morven',
      relationship: 'my sister',
      may_see: 'view_record',
      consent_from: '2025-01-10',
    };
    expect(circleSection.parse(member, 1, context)).toMatchObject({
      ok: true,
      value: { maySee: ['view_record'] },
    });
    const bad = circleSection.parse(
      { ...member, may_see: 'everything', consent_to: '2024-01-01' },
      2,
      context,
    );
    expect(!bad.ok && bad.problems.map((p) => p.column)).toEqual(['may_see', 'consent_to']);
  });
});
