import { and, eq } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { requirePersonPermission } from '../../platform/auth/guard.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { compareDates, isIsoDate } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import { type Representative, type RepresentativeKind, validateRepresentative } from './rules.ts';
import { circleMembers, personRelationships, representatives } from './schema.ts';
import { accountByEmail, findPerson, grantRelationship, nationOf } from './store.ts';
import { blankToNull, type CircleMemberInput, checkCircleMember } from './validate.ts';

/**
 * The circle of support and representatives. When the member or representative has an
 * account, the matching person_relationships row is written in the same transaction, with
 * the same dates and scope, so what they may see always follows what was recorded here.
 */

async function linkedAccount(tx: Tx, email: string | null, roles: readonly string[], what: string) {
  if (!email) return null;
  const account = await accountByEmail(tx, email);
  if (!account)
    throw Problem.invalid([
      {
        field: 'accountEmail',
        message: 'No account has this email address – leave it blank if they have none',
      },
    ]);
  if (!roles.includes(account.role))
    throw Problem.invalid([{ field: 'accountEmail', message: `This account cannot be used for ${what}` }]);
  return account;
}

export async function addCircleMember(db: Db, access: PersonAccess, raw: CircleMemberInput) {
  const input = {
    ...raw,
    consentTo: blankToNull(raw.consentTo),
    accountEmail: blankToNull(raw.accountEmail),
  };
  const errors = checkCircleMember(input);
  if (errors.length) throw Problem.invalid(errors);
  // Linking an account gives it access to the record: not on a break-glass grant.
  if (input.accountEmail) await requirePersonPermission(db, access, 'access.grant', 'circle');
  return audited(db, access, 'circle.add', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    const account = await linkedAccount(
      tx,
      input.accountEmail,
      ['circle_member', 'advocate'],
      'a circle of support member',
    );
    let relationshipId: string | null = null;
    if (account) {
      relationshipId = await grantRelationship(tx, {
        authorityId: access.authorityId,
        personId: access.personId,
        userId: account.id,
        kind: account.role === 'advocate' ? 'advocate' : 'circle_member',
        powers: input.maySee,
        validFrom: input.consentFrom,
        validTo: input.consentTo,
      });
    }
    const [member] = await tx
      .insert(circleMembers)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        name: input.name.trim(),
        relationship: input.relationship.trim(),
        maySee: input.maySee,
        consentFrom: input.consentFrom,
        consentTo: input.consentTo,
        userId: account?.id ?? null,
        relationshipId,
        createdBy: access.actor.userId,
      })
      .returning({ id: circleMembers.id });
    return { id: member!.id, linkedAccount: account !== null };
  });
}

/** The person withdraws consent: from that day the member (and their account) sees nothing more. */
export async function withdrawCircleConsent(db: Db, access: PersonAccess, memberId: string, on: string) {
  if (!isIsoDate(on))
    throw Problem.invalid([{ field: 'withdrawnOn', message: 'Enter the date consent was withdrawn' }]);
  return audited(db, access, 'circle.consent.withdraw', async (tx) => {
    const [member] = await tx
      .select()
      .from(circleMembers)
      .where(and(eq(circleMembers.id, memberId), eq(circleMembers.personId, access.personId)));
    if (!member) throw Problem.notFound('Circle member');
    if (compareDates(on, member.consentFrom) < 0)
      throw Problem.invalid([
        {
          field: 'withdrawnOn',
          message: 'The date consent was withdrawn must be on or after the date it started',
        },
      ]);
    await tx.update(circleMembers).set({ consentWithdrawnOn: on }).where(eq(circleMembers.id, memberId));
    if (member.relationshipId)
      await tx
        .update(personRelationships)
        .set({ consentWithdrawnOn: on })
        .where(eq(personRelationships.id, member.relationshipId));
  });
}

export interface RepresentativeInput {
  name: string;
  kind: string;
  powers: string[];
  startDate: string;
  endDate: string | null;
  evidenceReference: string | null;
  accountEmail: string | null;
}

export async function addRepresentative(db: Db, access: PersonAccess, raw: RepresentativeInput) {
  const input = {
    ...raw,
    endDate: blankToNull(raw.endDate),
    evidenceReference: blankToNull(raw.evidenceReference),
    accountEmail: blankToNull(raw.accountEmail),
  };
  if (input.accountEmail) await requirePersonPermission(db, access, 'access.grant', 'representative');
  return audited(db, access, 'representative.add', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    const representative: Representative = {
      kind: input.kind as RepresentativeKind,
      powers: input.powers,
      startDate: input.startDate,
      endDate: input.endDate,
    };
    const errors = validateRepresentative(representative, {
      dateOfBirth: person.dateOfBirth,
      nation: await nationOf(tx, access.authorityId),
    });
    if (!input.name?.trim()) errors.unshift({ field: 'name', message: 'Enter the representative’s name' });
    if (!input.evidenceReference)
      errors.push({
        field: 'evidenceReference',
        message: 'Enter where the evidence is, like the Office of the Public Guardian reference',
      });
    if (errors.length) throw Problem.invalid(errors);
    const account = await linkedAccount(tx, input.accountEmail, ['representative'], 'a representative');
    let relationshipId: string | null = null;
    if (account) {
      relationshipId = await grantRelationship(tx, {
        authorityId: access.authorityId,
        personId: access.personId,
        userId: account.id,
        kind: 'representative',
        powers: input.powers,
        validFrom: input.startDate,
        validTo: input.endDate,
      });
    }
    const [saved] = await tx
      .insert(representatives)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        name: input.name.trim(),
        kind: input.kind,
        powers: input.powers,
        startDate: input.startDate,
        endDate: input.endDate,
        evidenceReference: input.evidenceReference,
        userId: account?.id ?? null,
        relationshipId,
        createdBy: access.actor.userId,
      })
      .returning({ id: representatives.id });
    return { id: saved!.id, linkedAccount: account !== null };
  });
}
