import { and, eq, sql } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { requirePersonPermission } from '../../platform/auth/guard.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { addDays, compareDates, formatDate, isIsoDate, todayInLondon } from '../../platform/dates.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { type Representative, type RepresentativeKind, validateRepresentative } from './rules.ts';
import { personRelationships, representatives } from './schema.ts';
import { isChangeable, isReplaced, type RepresentativeRow } from './representative-history.ts';
import { findPerson, grantRelationship, nationOf } from './store.ts';
import { blankToNull } from './validate.ts';

/**
 * Changing and ending a representative's authority. Nothing is overwritten: ending sets an
 * end date; a change ends the current version the day before it takes effect and records a
 * new version from that day. The linked person_relationships rows follow in the same
 * transaction, so what the representative may see changes with the record, at once.
 */
export interface RepresentativeChange {
  powers: string[];
  /** The first day the new powers apply. */
  changeFrom: string;
  endDate: string | null;
  evidenceReference: string | null;
}

export const changedUnderYou = () =>
  Problem.conflict(
    'Someone else changed or ended this representative while you were working on it. Nothing you entered has been saved. Open the record again to see their change.',
  );

/** The representative, locked for this transaction, with every version of the person's representatives. */
async function lockedRepresentative(tx: Tx, personId: string, representativeId: string) {
  const [row] = await tx
    .select()
    .from(representatives)
    .where(and(eq(representatives.id, representativeId), eq(representatives.personId, personId)))
    .for('update');
  if (!row) throw Problem.notFound('Representative');
  const all = await tx.select().from(representatives).where(eq(representatives.personId, personId));
  return { row, all };
}

/**
 * Checks the page's copy is still the current one: `seenEndDate` is the end date the form
 * was opened with ('' for none). Undefined (an API call) skips the check; the row lock and
 * the replaced/ended checks still stop two changes building on the same version.
 */
function checkUnchanged(row: RepresentativeRow, all: readonly RepresentativeRow[], seenEndDate?: string) {
  if (seenEndDate !== undefined && (row.endDate ?? '') !== seenEndDate) throw changedUnderYou();
  if (isReplaced(row, all)) throw changedUnderYou();
}

/** A representative, for the change and end pages; read with the caller's access, audited. */
export async function getRepresentative(db: Db, access: PersonAccess, representativeId: string) {
  return audited(db, access, 'person.form.open', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    const [row] = await tx
      .select()
      .from(representatives)
      .where(and(eq(representatives.id, representativeId), eq(representatives.personId, access.personId)));
    if (!row) throw Problem.notFound('Representative');
    const all = await tx.select().from(representatives).where(eq(representatives.personId, access.personId));
    return {
      representative: row,
      changeable: isChangeable(row, all, todayInLondon()),
      person: { dateOfBirth: person.dateOfBirth, name: person.preferredName ?? person.legalName },
      nation: await nationOf(tx, access.authorityId),
    };
  });
}

/**
 * The errors a change would meet, without saving (the question page uses it before the
 * check page). The new version is checked with the same rules as a new representative.
 */
export function checkChange(
  row: RepresentativeRow,
  change: RepresentativeChange,
  person: { dateOfBirth: string; nation: 'scotland' | 'england' },
): FieldError[] {
  const next: Representative = {
    kind: row.kind as RepresentativeKind,
    powers: change.powers,
    startDate: change.changeFrom,
    endDate: blankToNull(change.endDate),
  };
  const errors = validateRepresentative(next, person).map((e) =>
    e.field === 'startDate' ? { ...e, field: 'changeFrom' } : e,
  );
  if (isIsoDate(change.changeFrom) && compareDates(change.changeFrom, row.startDate) <= 0)
    errors.push({
      field: 'changeFrom',
      message: `The change must start after ${formatDate(row.startDate)}, when this authority started. To correct a mistake, end it and record it again.`,
    });
  if (isIsoDate(change.changeFrom) && row.endDate && compareDates(change.changeFrom, row.endDate) > 0)
    errors.push({
      field: 'changeFrom',
      message: `This authority ends on ${formatDate(row.endDate)}. A change must start on or before that day – after it, record a new representative.`,
    });
  if (!blankToNull(change.evidenceReference))
    errors.push({
      field: 'evidenceReference',
      message:
        'Enter where the evidence for the change is, like the court or Office of the Public Guardian reference',
    });
  return errors;
}

/** The errors ending on this date would meet. */
export function checkEnd(row: RepresentativeRow, endDate: string): FieldError[] {
  if (!isIsoDate(endDate))
    return [{ field: 'endDate', message: 'Enter the last day they can act, like 31 3 2026' }];
  if (compareDates(endDate, row.startDate) < 0)
    return [
      {
        field: 'endDate',
        message: `The last day must be on or after ${formatDate(row.startDate)}, when the authority started`,
      },
    ];
  if (row.endDate && compareDates(endDate, row.endDate) > 0)
    return [
      {
        field: 'endDate',
        message: `It already ends on ${formatDate(row.endDate)}. Ending can only bring that day forward – to extend it, change the representative.`,
      },
    ];
  return [];
}

export async function changeRepresentative(
  db: Db,
  access: PersonAccess,
  representativeId: string,
  raw: RepresentativeChange,
  seenEndDate?: string,
) {
  const change = {
    ...raw,
    endDate: blankToNull(raw.endDate),
    evidenceReference: blankToNull(raw.evidenceReference),
  };
  // New powers or dates for a linked account change what it may see: not on a break-glass grant.
  if (await linkedToAccount(db, access, representativeId))
    await requirePersonPermission(db, access, 'access.grant', 'representative_change');
  return audited(
    db,
    access,
    'representative.change',
    async (tx) => {
      const person = await findPerson(tx, access.personId);
      if (!person) throw Problem.notFound('Person');
      const { row, all } = await lockedRepresentative(tx, access.personId, representativeId);
      checkUnchanged(row, all, seenEndDate);
      if (!isChangeable(row, all, todayInLondon()))
        throw Problem.invalid([
          { field: 'changeFrom', message: 'This authority has ended. Record a new representative instead.' },
        ]);
      const errors = checkChange(row, change, {
        dateOfBirth: person.dateOfBirth,
        nation: await nationOf(tx, access.authorityId),
      });
      if (errors.length) throw Problem.invalid(errors);

      const lastDayOfOld = addDays(change.changeFrom, -1);
      await tx.update(representatives).set({ endDate: lastDayOfOld }).where(eq(representatives.id, row.id));
      let relationshipId: string | null = null;
      if (row.userId) {
        if (row.relationshipId)
          await tx
            .update(personRelationships)
            .set({ validTo: lastDayOfOld })
            .where(eq(personRelationships.id, row.relationshipId));
        relationshipId = await grantRelationship(tx, {
          authorityId: access.authorityId,
          personId: access.personId,
          userId: row.userId,
          kind: 'representative',
          powers: change.powers,
          validFrom: change.changeFrom,
          validTo: change.endDate,
        });
      }
      const [saved] = await tx
        .insert(representatives)
        .values({
          authorityId: access.authorityId,
          personId: access.personId,
          name: row.name,
          kind: row.kind,
          powers: change.powers,
          startDate: change.changeFrom,
          endDate: change.endDate,
          evidenceReference: change.evidenceReference,
          userId: row.userId,
          relationshipId,
          createdBy: access.actor.userId,
        })
        .returning({ id: representatives.id });
      return { id: saved!.id, previousId: row.id, previousEndDate: lastDayOfOld };
    },
    { representativeId, changeFrom: change.changeFrom, powers: change.powers },
  );
}

async function linkedToAccount(db: Db, access: PersonAccess, representativeId: string) {
  const [row] = await inTenant(db, access.authorityId, (tx) =>
    tx
      .select({ userId: representatives.userId })
      .from(representatives)
      .where(and(eq(representatives.id, representativeId), eq(representatives.personId, access.personId))),
  );
  return Boolean(row?.userId);
}

/** An authority ends (revoked, expired, the young person came of age): access ends the same day. */
export async function endRepresentative(
  db: Db,
  access: PersonAccess,
  representativeId: string,
  endDate: string,
  seenEndDate?: string,
) {
  return audited(
    db,
    access,
    'representative.end',
    async (tx) => {
      const { row, all } = await lockedRepresentative(tx, access.personId, representativeId);
      checkUnchanged(row, all, seenEndDate);
      const errors = checkEnd(row, endDate);
      if (errors.length) throw Problem.invalid(errors);
      await tx.update(representatives).set({ endDate }).where(eq(representatives.id, representativeId));
      if (row.relationshipId)
        await tx
          .update(personRelationships)
          // Never lengthen access the relationship row already stopped giving.
          .set({
            validTo: sql`least(coalesce(${personRelationships.validTo}, ${endDate}::date), ${endDate}::date)`,
          })
          .where(eq(personRelationships.id, row.relationshipId));
      return { endDate, today: todayInLondon() };
    },
    { representativeId, endDate },
  );
}
