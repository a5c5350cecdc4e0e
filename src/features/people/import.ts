/**
 * The people feature's files of a caseload import (issue 15): people with their identifiers,
 * their representatives and their circle of support. Each row is checked with the same rules
 * the record's own forms use (validate.ts, rules.ts), so an imported record is one the forms
 * would have accepted. See src/platform/import/section.ts for the contract.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import { cellReader, problemsFromFieldErrors } from '../../platform/import/cells.ts';
import type { ImportProblem, ImportReferences, ImportSection } from '../../platform/import/section.ts';
import { localityList } from './localities.ts';
import { CASE_STATUS, COMMUNICATION_NEEDS, CONSENT_SCOPES, REFERRAL_URGENCY } from './lists.ts';
import {
  type Nation,
  REPRESENTATIVE_KINDS,
  REPRESENTATIVE_POWERS,
  type RepresentativeKind,
  validateRepresentative,
} from './rules.ts';
import { circleMembers, people, representatives } from './schema.ts';
import { allocationChoices, clientGroupList } from './store.ts';
import { checkCircleMember, checkPerson, type PersonFields } from './validate.ts';

export const PERSON_KIND = 'person';
const PEOPLE_FILE = 'people.csv';
const REPRESENTATIVES_FILE = 'representatives.csv';
const CIRCLE_FILE = 'circle.csv';

/** Rows go to the database this many at a time (well under PostgreSQL's 65,535 parameters). */
const WRITE_BATCH = 500;

/** A person row as parsed: the record's fields, the team by name and the worker by e-mail. */
export interface ImportedPerson {
  fields: PersonFields;
  teamName: string | null;
  workerEmail: string | null;
}

const PERSON_COLUMN_OF: Record<string, string> = {
  legalName: 'legal_name',
  preferredName: 'preferred_name',
  pronouns: 'pronouns',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  email: 'email',
  addressLine1: 'address_line_1',
  addressLine2: 'address_line_2',
  town: 'town',
  postcode: 'postcode',
  locality: 'locality',
  chiNumber: 'chi_number',
  nhsNumber: 'nhs_number',
  mainLanguage: 'main_language',
  interpreterNeeded: 'interpreter_needed',
  communicationNeeds: 'communication_needs',
  communicationOther: 'communication_other',
  clientGroup: 'client_group',
  status: 'status',
  referredBy: 'referred_by',
  referralReason: 'referral_reason',
  referralUrgency: 'referral_urgency',
  referredOn: 'referred_on',
  crisis: 'crisis',
  crisisReason: 'crisis_reason',
};

const codesOf = (list: Record<string, string>) => Object.keys(list).join(', ');

/** Writes `values` in batches, one INSERT per batch. */
async function insertInBatches<T>(values: readonly T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < values.length; start += WRITE_BATCH)
    await insert(values.slice(start, start + WRITE_BATCH));
}

/** The council's teams by name and its case-holding staff by e-mail (both lower case). */
async function allocationLookup(tx: Tx) {
  const { teams } = await allocationChoices(tx);
  const staff = await tx
    .select({ id: users.id, email: users.email, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.active, true), or(eq(users.role, 'worker'), eq(users.role, 'manager'))));
  return {
    teams: new Map(teams.map((t) => [t.name.trim().toLowerCase(), t.id])),
    staff: new Map(staff.map((s) => [s.email.toLowerCase(), s])),
  };
}

/** A locality written as its code or its name, as the code the record keeps. */
function localityCodeOf(
  text: string | null,
  list: readonly { code: string; name: string; active: boolean }[],
) {
  if (!text || !list.length) return text;
  const lower = text.toLowerCase();
  return list.find((l) => l.active && (l.code === text || l.name.toLowerCase() === lower))?.code ?? null;
}

export const peopleSection: ImportSection<ImportedPerson> = {
  kind: PERSON_KIND,
  file: PEOPLE_FILE,
  title: 'People',
  description:
    'One row for each person: their names, date of birth, CHI number (Scotland) or NHS number (England), contact details, client group, and who holds their case.',
  optional: false,
  columns: [
    {
      name: 'person_reference',
      required: true,
      description:
        'The person’s reference in the old system. The other files name the person by it. It must be different on every row.',
      example: 'OLD-1001',
    },
    { name: 'legal_name', required: true, description: 'Their full legal name.', example: 'Ailsa Fraser' },
    {
      name: 'preferred_name',
      required: false,
      description: 'What they like to be called.',
      example: 'Ailsa',
    },
    {
      name: 'pronouns',
      required: false,
      description: 'Their pronouns, as they give them.',
      example: 'she/her',
    },
    {
      name: 'date_of_birth',
      required: true,
      description: 'Year-month-day (1961-04-23) or day/month/year (23/04/1961).',
      example: '1961-04-23',
    },
    {
      name: 'chi_number',
      required: false,
      description:
        'Scotland: the 10-digit CHI number (spaces allowed). Its first 6 digits must be the date of birth, and no other record may have it.',
      example: '2304615015',
    },
    {
      name: 'nhs_number',
      required: false,
      description:
        'England: the 10-digit NHS number (spaces allowed), checked with its last digit. No other record may have it.',
      example: '',
    },
    { name: 'phone', required: false, description: 'A phone number.', example: '0131 496 0000' },
    { name: 'email', required: false, description: 'An e-mail address.', example: '' },
    {
      name: 'address_line_1',
      required: false,
      description: 'First line of the address.',
      example: '12 Rose Street',
    },
    { name: 'address_line_2', required: false, description: 'Second line of the address.', example: '' },
    { name: 'town', required: false, description: 'Town or city.', example: 'Edinburgh' },
    { name: 'postcode', required: false, description: 'A UK postcode.', example: 'EH2 2PR' },
    {
      name: 'locality',
      required: false,
      description:
        'The council’s locality, by its code or name (see Localities in Council set-up). Free text if the council has none.',
      example: '',
    },
    {
      name: 'client_group',
      required: true,
      description:
        'The client group’s code: older_people, learning_disability, physical_disability, mental_health, dementia, substance_use or other.',
      example: 'older_people',
    },
    {
      name: 'main_language',
      required: false,
      description: 'The language they speak best. Blank: English.',
      example: 'English',
    },
    { name: 'interpreter_needed', required: false, description: 'yes or no. Blank: no.', example: 'no' },
    {
      name: 'communication_needs',
      required: false,
      description: `Any of ${codesOf(COMMUNICATION_NEEDS)}, separated by “;”.`,
      example: '',
    },
    {
      name: 'communication_other',
      required: false,
      description: 'Needed when communication_needs includes other: what support they need.',
      example: '',
    },
    {
      name: 'status',
      required: false,
      description: `The case: ${codesOf(CASE_STATUS)}. Blank: open.`,
      example: 'open',
    },
    {
      name: 'referred_by',
      required: false,
      description: 'Who made contact, and how they know the person.',
      example: '',
    },
    { name: 'referral_reason', required: false, description: 'Why they were referred.', example: '' },
    {
      name: 'referral_urgency',
      required: false,
      description: `How urgent: ${codesOf(REFERRAL_URGENCY)}.`,
      example: '',
    },
    {
      name: 'referred_on',
      required: false,
      description: 'The date of the referral (not in the future).',
      example: '',
    },
    {
      name: 'team',
      required: false,
      description:
        'The name of the team that holds the case, as it is in Teams. Blank: the worker’s team, or none.',
      example: 'Adult services',
    },
    {
      name: 'worker_email',
      required: false,
      description:
        'The e-mail address of the worker or manager who holds the case (an active staff account of the council, in that team).',
      example: '',
    },
  ],
  parse(record, row, context) {
    const cells = cellReader(PEOPLE_FILE, row, record);
    const reference = cells.text('person_reference', {
      required: 'Enter the person’s reference in the old system',
      max: 100,
    });
    const dateOfBirth = cells.date('date_of_birth', { required: 'Enter their date of birth' });
    const referredOn = cells.date('referred_on');
    const fields: PersonFields = {
      legalName: cells.text('legal_name', { required: 'Enter their full legal name' }) ?? '',
      preferredName: cells.text('preferred_name'),
      pronouns: cells.text('pronouns', { max: 40 }),
      dateOfBirth: dateOfBirth ?? '',
      phone: cells.text('phone', { max: 40 }),
      email: cells.text('email'),
      addressLine1: cells.text('address_line_1'),
      addressLine2: cells.text('address_line_2'),
      town: cells.text('town', { max: 100 }),
      postcode: cells.text('postcode', { max: 10 }),
      locality: cells.text('locality', { max: 100 }),
      chiNumber: cells.text('chi_number', { max: 20 }),
      nhsNumber: cells.text('nhs_number', { max: 20 }),
      mainLanguage: cells.text('main_language', { max: 60 }) ?? 'English',
      interpreterNeeded: cells.yesNo('interpreter_needed', false),
      communicationNeeds: cells.codes('communication_needs', COMMUNICATION_NEEDS),
      communicationOther: cells.text('communication_other', { max: 500 }),
      clientGroup: cells.text('client_group', { required: 'Enter the client group’s code', max: 60 }) ?? '',
      status: cells.code('status', CASE_STATUS) ?? 'open',
      referredBy: cells.text('referred_by'),
      referralReason: cells.text('referral_reason', { max: 2000 }),
      referralUrgency: cells.code('referral_urgency', REFERRAL_URGENCY),
      referredOn,
      crisis: false,
      crisisReason: null,
      allocatedTeamId: null,
      allocatedWorkerId: null,
    };
    const teamName = cells.text('team');
    const workerEmail = cells.text('worker_email', { max: 320 });
    const problems = [...cells.problems];
    // The record's own checks; the client group is checked against the council's list later.
    // A date already reported as not real is not reported again.
    const checked = checkPerson(fields, { today: context.today, clientGroups: [fields.clientGroup] });
    if (!checked.ok) {
      const already = new Set(problems.map((p) => p.column));
      problems.push(
        ...problemsFromFieldErrors(PEOPLE_FILE, row, checked.errors, PERSON_COLUMN_OF).filter(
          (p) => !(already.has(p.column) && (p.column === 'date_of_birth' || p.column === 'referred_on')),
        ),
      );
    }
    if (problems.length || !checked.ok || reference === null) return { ok: false, problems };
    return { ok: true, reference, value: { fields: checked.value, teamName, workerEmail } };
  },
  check(rows) {
    const problems: ImportProblem[] = [];
    for (const [field, column, name] of [
      ['chiNumber', 'chi_number', 'CHI number'],
      ['nhsNumber', 'nhs_number', 'NHS number'],
    ] as const) {
      const firstRow = new Map<string, number>();
      for (const { row, value } of rows) {
        const number = value.fields[field];
        if (!number) continue;
        const first = firstRow.get(number);
        if (first === undefined) firstRow.set(number, row);
        else
          problems.push({
            file: PEOPLE_FILE,
            row,
            column,
            message: `This ${name} is also on row ${first}: one person has one record – keep one of the rows`,
          });
      }
    }
    return problems;
  },
  async checkWith(tx, rows) {
    const problems: ImportProblem[] = [];
    const problem = (row: number, column: string, message: string) =>
      problems.push({ file: PEOPLE_FILE, row, column, message });
    const groups = new Set((await clientGroupList(tx)).map((g) => g.code));
    const localities = await localityList(tx);
    const { teams, staff } = await allocationLookup(tx);
    const chis = rows.flatMap((r) => (r.value.fields.chiNumber ? [r.value.fields.chiNumber] : []));
    const nhss = rows.flatMap((r) => (r.value.fields.nhsNumber ? [r.value.fields.nhsNumber] : []));
    const held =
      chis.length || nhss.length
        ? await tx
            .select({ chi: people.chiNumber, nhs: people.nhsNumber })
            .from(people)
            .where(
              or(
                chis.length ? inArray(people.chiNumber, chis) : undefined,
                nhss.length ? inArray(people.nhsNumber, nhss) : undefined,
              ),
            )
        : [];
    const heldChi = new Set(held.map((h) => h.chi));
    const heldNhs = new Set(held.map((h) => h.nhs));
    for (const { row, value } of rows) {
      const { fields } = value;
      if (!groups.has(fields.clientGroup))
        problem(
          row,
          'client_group',
          `“${fields.clientGroup}” is not a client group: use one of ${[...groups].join(', ')}`,
        );
      if (fields.locality && localities.length && localityCodeOf(fields.locality, localities) === null)
        problem(
          row,
          'locality',
          `“${fields.locality}” is not one of the council’s localities: use its code or name`,
        );
      if (fields.chiNumber && heldChi.has(fields.chiNumber))
        problem(
          row,
          'chi_number',
          'Someone with this CHI number already has a record – search the case list for them',
        );
      if (fields.nhsNumber && heldNhs.has(fields.nhsNumber))
        problem(
          row,
          'nhs_number',
          'Someone with this NHS number already has a record – search the case list for them',
        );
      const teamId = value.teamName ? teams.get(value.teamName.toLowerCase()) : null;
      if (value.teamName && !teamId)
        problem(
          row,
          'team',
          `The council has no open team called “${value.teamName}” – use a name from Teams`,
        );
      if (value.workerEmail) {
        const worker = staff.get(value.workerEmail.toLowerCase());
        if (!worker)
          problem(
            row,
            'worker_email',
            `No active worker or manager of the council has the e-mail ${value.workerEmail}`,
          );
        else if (teamId && worker.teamId && worker.teamId !== teamId)
          problem(
            row,
            'worker_email',
            `${value.workerEmail} is not in the team “${value.teamName}” – check both`,
          );
      }
    }
    return problems;
  },
  async write(tx, rows, context) {
    const localities = await localityList(tx);
    const { teams, staff } = await allocationLookup(tx);
    const ids = new Map<string, string>();
    const values = rows.map(({ reference, value }) => {
      const id = randomUUID();
      ids.set(reference, id);
      const worker = value.workerEmail ? staff.get(value.workerEmail.toLowerCase()) : undefined;
      const teamId =
        (value.teamName ? teams.get(value.teamName.toLowerCase()) : undefined) ?? worker?.teamId ?? null;
      return {
        ...value.fields,
        id,
        authorityId: context.authorityId,
        locality: localityCodeOf(value.fields.locality, localities),
        allocatedTeamId: teamId,
        allocatedWorkerId: worker?.id ?? null,
        updatedBy: context.actorId,
      };
    });
    await insertInBatches(values, (batch) => tx.insert(people).values(batch));
    return ids;
  },
};

/** The person a row points at, from this batch or an earlier import; a problem when neither. */
function personProblem(
  file: string,
  row: number,
  reference: string,
  references: ImportReferences,
): ImportProblem | null {
  return references.has(PERSON_KIND, reference)
    ? null
    : {
        file,
        row,
        column: 'person_reference',
        message: `No person has the reference “${reference}” in people.csv, nor in an earlier import`,
      };
}

const personReferenceColumn = {
  name: 'person_reference',
  required: true,
  description: 'The person’s reference in the old system, as in people.csv (or an earlier import).',
  example: 'OLD-1001',
};

export interface ImportedRepresentative {
  personReference: string;
  name: string;
  kind: RepresentativeKind;
  powers: string[];
  startDate: string;
  endDate: string | null;
  evidenceReference: string | null;
}

const REPRESENTATIVE_COLUMN_OF: Record<string, string> = {
  kind: 'kind',
  powers: 'powers',
  startDate: 'start_date',
  endDate: 'end_date',
};

/** The date of birth of a person of this batch (their parsed row) or null. */
function batchDateOfBirth(references: ImportReferences, personReference: string): string | null {
  const person = references.valueOf(PERSON_KIND, personReference) as ImportedPerson | undefined;
  return person?.fields.dateOfBirth ?? null;
}

function parentProblems(row: number, value: ImportedRepresentative, dateOfBirth: string, nation: Nation) {
  return problemsFromFieldErrors(
    REPRESENTATIVES_FILE,
    row,
    validateRepresentative(value, { dateOfBirth, nation }),
    REPRESENTATIVE_COLUMN_OF,
  );
}

export const representativesSection: ImportSection<ImportedRepresentative> = {
  kind: 'representative',
  file: REPRESENTATIVES_FILE,
  title: 'Representatives',
  description:
    'People with legal authority to act for someone (parental responsibility, guardianship, power of attorney, appointee): the powers it gives, its dates and where the proof is.',
  optional: true,
  columns: [
    {
      name: 'representative_reference',
      required: true,
      description: 'This authority’s reference in the old system, different on every row.',
      example: 'REP-77',
    },
    personReferenceColumn,
    { name: 'name', required: true, description: 'The representative’s name.', example: 'Iain Fraser' },
    {
      name: 'kind',
      required: true,
      description: `The kind of authority: ${codesOf(REPRESENTATIVE_KINDS)}.`,
      example: 'welfare_power_of_attorney',
    },
    {
      name: 'powers',
      required: true,
      description: `What they may do, separated by “;”: ${codesOf(REPRESENTATIVE_POWERS)}.`,
      example: 'welfare_decisions; view_record; sign_support_plan',
    },
    {
      name: 'start_date',
      required: true,
      description: 'The date the authority starts.',
      example: '2024-06-01',
    },
    {
      name: 'end_date',
      required: false,
      description:
        'The last day it applies (a parent’s ends before the child is 16 in Scotland, 18 in England).',
      example: '',
    },
    {
      name: 'evidence_reference',
      required: false,
      description: 'Where the proof is: an Office of the Public Guardian number, a court reference.',
      example: 'OPG 123/24',
    },
  ],
  parse(record, row) {
    const cells = cellReader(REPRESENTATIVES_FILE, row, record);
    const reference = cells.text('representative_reference', {
      required: 'Enter the representative’s reference in the old system',
      max: 100,
    });
    const personReference = cells.text('person_reference', {
      required: 'Enter the person’s reference',
      max: 100,
    });
    const name = cells.text('name', { required: 'Enter the representative’s name' });
    const kind = cells.code('kind', REPRESENTATIVE_KINDS, { required: 'Enter the kind of authority' });
    const powers = cells.codes('powers', REPRESENTATIVE_POWERS);
    const startDate = cells.date('start_date', { required: 'Enter the date the authority starts' });
    const endDate = cells.date('end_date');
    const evidenceReference = cells.text('evidence_reference');
    const problems = [...cells.problems];
    if (kind && startDate && !problems.some((p) => p.column === 'end_date')) {
      // A parent's authority is checked against the person's date of birth (in `check`).
      const errors = validateRepresentative({ kind, powers, startDate, endDate }).filter(
        (e) => !(kind === 'parent_with_parental_responsibility' && e.field === 'kind'),
      );
      const already = new Set(problems.map((p) => p.column));
      problems.push(
        ...problemsFromFieldErrors(REPRESENTATIVES_FILE, row, errors, REPRESENTATIVE_COLUMN_OF).filter(
          (p) => !already.has(p.column),
        ),
      );
    }
    if (problems.length || !reference || !personReference || !name || !kind || !startDate)
      return { ok: false, problems };
    return {
      ok: true,
      reference,
      value: { personReference, name, kind, powers, startDate, endDate, evidenceReference },
    };
  },
  check(rows, references, context) {
    const problems: ImportProblem[] = [];
    for (const { row, value } of rows) {
      const missing = personProblem(REPRESENTATIVES_FILE, row, value.personReference, references);
      if (missing) problems.push(missing);
      else if (value.kind === 'parent_with_parental_responsibility') {
        const dateOfBirth = batchDateOfBirth(references, value.personReference);
        if (dateOfBirth) problems.push(...parentProblems(row, value, dateOfBirth, context.nation));
      }
    }
    return problems;
  },
  async checkWith(tx, rows, context) {
    // A parent of someone imported before: their date of birth is on the record.
    const earlier = rows.filter(
      (r) =>
        r.value.kind === 'parent_with_parental_responsibility' &&
        !batchDateOfBirth(context.references, r.value.personReference) &&
        context.references.idOf(PERSON_KIND, r.value.personReference),
    );
    if (!earlier.length) return [];
    const found = await tx
      .select({ id: people.id, dateOfBirth: people.dateOfBirth })
      .from(people)
      .where(
        inArray(
          people.id,
          earlier.map((r) => context.references.idOf(PERSON_KIND, r.value.personReference)!),
        ),
      );
    const dateOf = new Map(found.map((p) => [p.id, p.dateOfBirth]));
    return earlier.flatMap(({ row, value }) => {
      const dateOfBirth = dateOf.get(context.references.idOf(PERSON_KIND, value.personReference)!);
      return dateOfBirth ? parentProblems(row, value, dateOfBirth, context.nation) : [];
    });
  },
  async write(tx, rows, context) {
    const ids = new Map<string, string>();
    const values = rows.map(({ reference, value }) => {
      const id = randomUUID();
      ids.set(reference, id);
      const { personReference, ...rest } = value;
      return {
        ...rest,
        id,
        authorityId: context.authorityId,
        personId: context.references.idOf(PERSON_KIND, personReference)!,
        createdBy: context.actorId,
      };
    });
    await insertInBatches(values, (batch) => tx.insert(representatives).values(batch));
    return ids;
  },
};

export interface ImportedCircleMember {
  personReference: string;
  name: string;
  relationship: string;
  maySee: string[];
  consentFrom: string;
  consentTo: string | null;
}

const CIRCLE_COLUMN_OF: Record<string, string> = {
  name: 'name',
  relationship: 'relationship',
  maySee: 'may_see',
  consentFrom: 'consent_from',
  consentTo: 'consent_to',
};

export const circleSection: ImportSection<ImportedCircleMember> = {
  kind: 'circle_member',
  file: CIRCLE_FILE,
  title: 'Circle of support',
  description:
    'The people each person chooses to have around them, how they know them in the person’s words, and what the person has agreed they may see or add.',
  optional: true,
  columns: [
    {
      name: 'circle_reference',
      required: true,
      description: 'This circle member’s reference in the old system, different on every row.',
      example: 'CIR-5',
    },
    personReferenceColumn,
    { name: 'name', required: true, description: 'Their name.', example: 'Morven Fraser' },
    {
      name: 'relationship',
      required: true,
      description: 'How they know the person, in the person’s words.',
      example: 'my sister',
    },
    {
      name: 'may_see',
      required: false,
      description: `What the person agreed they may do, separated by “;”: ${codesOf(CONSENT_SCOPES)}. Blank: nothing.`,
      example: 'view_record',
    },
    {
      name: 'consent_from',
      required: true,
      description: 'The date the person agreed.',
      example: '2025-01-10',
    },
    {
      name: 'consent_to',
      required: false,
      description: 'The last day their agreement lasts, if it ends.',
      example: '',
    },
  ],
  parse(record, row) {
    const cells = cellReader(CIRCLE_FILE, row, record);
    const reference = cells.text('circle_reference', {
      required: 'Enter the circle member’s reference in the old system',
      max: 100,
    });
    const personReference = cells.text('person_reference', {
      required: 'Enter the person’s reference',
      max: 100,
    });
    const value = {
      personReference: personReference ?? '',
      name: cells.text('name', { required: 'Enter their name' }) ?? '',
      relationship:
        cells.text('relationship', { required: 'Enter how they know the person, like “my sister”' }) ?? '',
      maySee: cells.codes('may_see', CONSENT_SCOPES),
      consentFrom: cells.date('consent_from', { required: 'Enter the date the person agreed' }) ?? '',
      consentTo: cells.date('consent_to'),
    };
    const problems = [...cells.problems];
    const already = new Set(problems.map((p) => p.column));
    problems.push(
      ...problemsFromFieldErrors(
        CIRCLE_FILE,
        row,
        checkCircleMember({ ...value, accountEmail: null }),
        CIRCLE_COLUMN_OF,
      ).filter((p) => !already.has(p.column)),
    );
    if (problems.length || !reference) return { ok: false, problems };
    return { ok: true, reference, value };
  },
  check(rows, references) {
    return rows.flatMap(({ row, value }) => {
      const missing = personProblem(CIRCLE_FILE, row, value.personReference, references);
      return missing ? [missing] : [];
    });
  },
  async write(tx, rows, context) {
    const ids = new Map<string, string>();
    const values = rows.map(({ reference, value }) => {
      const id = randomUUID();
      ids.set(reference, id);
      const { personReference, ...rest } = value;
      return {
        ...rest,
        id,
        authorityId: context.authorityId,
        personId: context.references.idOf(PERSON_KIND, personReference)!,
        createdBy: context.actorId,
      };
    });
    await insertInBatches(values, (batch) => tx.insert(circleMembers).values(batch));
    return ids;
  },
};

/** The people feature's import files, in the order they are written (people first). */
export const PEOPLE_IMPORT_SECTIONS = [peopleSection, representativesSection, circleSection] as const;
