import { localityList, localityName, localityServices, personLocalityError } from './localities.ts';
import {
  createInvitation,
  type InvitationInput,
  invitationChoices,
  invitationRows,
  listInvitations,
  revokeInvitation,
  whoCanSee,
} from './invitations.ts';
import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  addCircleMember,
  addRepresentative,
  type RepresentativeInput,
  withdrawCircleConsent,
} from './circle.ts';
import {
  changeRepresentative,
  endRepresentative,
  getRepresentative,
  type RepresentativeChange,
} from './representative-changes.ts';
import { addLegalOrder, addSupportOffer } from './safeguards.ts';
import { type CouncilAccess, may, type PersonAccess } from '../../platform/auth/access.ts';
import { requirePersonPermission } from '../../platform/auth/guard.ts';
import { type PersonPermission, relationshipAllows } from '../../platform/auth/policy.ts';
import { users } from '../../platform/auth/schema.ts';
import { type AuditAction, audited, recordAudit } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { ageOn, todayInLondon } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { InterimStatusLookup } from './deps.ts';
import { transitionStatus } from './rules.ts';
import {
  circleMembers,
  legalOrders,
  people,
  personEquality,
  personRelationships,
  representatives,
  supportOffers,
} from './schema.ts';
import {
  allocationChoices,
  type CaseQuery,
  caseList,
  clientGroupList,
  findPerson,
  nationOf,
  timeline,
} from './store.ts';
import {
  type CircleMemberInput,
  checkEquality,
  checkPerson,
  type EqualityAnswers,
  type LegalOrderInput,
  type PersonFields,
  type SupportOfferInput,
} from './validate.ts';

export const EMPTY_PERSON: PersonFields = {
  legalName: '',
  preferredName: null,
  pronouns: null,
  dateOfBirth: '',
  phone: null,
  email: null,
  addressLine1: null,
  addressLine2: null,
  town: null,
  postcode: null,
  locality: null,
  chiNumber: null,
  nhsNumber: null,
  mainLanguage: 'English',
  interpreterNeeded: false,
  communicationNeeds: [],
  communicationOther: null,
  clientGroup: '',
  status: 'referred',
  referredBy: null,
  referralReason: null,
  referralUrgency: null,
  referredOn: null,
  crisis: false,
  crisisReason: null,
  allocatedTeamId: null,
  allocatedWorkerId: null,
};

/** Validation needs the reference list and today; both read inside the same transaction. */
async function validated(
  tx: Tx,
  input: PersonFields,
  personId: string | null,
  current: PersonFields | null = null,
): Promise<PersonFields> {
  const groups = await clientGroupList(tx);
  const result = checkPerson(input, { today: todayInLondon(), clientGroups: groups.map((g) => g.code) });
  const wrongLocality = personLocalityError(input.locality, {
    localities: await localityList(tx),
    current: current?.locality ?? null,
  });
  const errors = [...(result.ok ? [] : result.errors), ...(wrongLocality ? [wrongLocality] : [])];
  if (!result.ok || errors.length) throw Problem.invalid(errors);
  const value = result.value;
  await checkNotDuplicate(tx, value, personId);
  return checkAllocation(tx, value, current?.allocatedTeamId ?? null);
}

/** The same CHI or NHS number on two records means a duplicate: refuse and say so. */
async function checkNotDuplicate(tx: Tx, value: PersonFields, personId: string | null) {
  const conditions = [];
  if (value.chiNumber) conditions.push(eq(people.chiNumber, value.chiNumber));
  if (value.nhsNumber) conditions.push(eq(people.nhsNumber, value.nhsNumber));
  if (!conditions.length) return;
  const clash = await tx
    .select({ id: people.id, chi: people.chiNumber, nhs: people.nhsNumber })
    .from(people)
    .where(or(...conditions));
  const other = clash.find((c) => c.id !== personId);
  if (!other) return;
  const field = value.chiNumber && other.chi === value.chiNumber ? 'chiNumber' : 'nhsNumber';
  throw Problem.invalid([
    { field, message: 'Someone with this number already has a record – search the case list for them' },
  ]);
}

/** A worker must be an active worker or manager of this council; their team is filled in if missing. */
async function checkAllocation(
  tx: Tx,
  value: PersonFields,
  currentTeamId: string | null,
): Promise<PersonFields> {
  const { teams, staff } = await allocationChoices(tx);
  // A team since closed may stay on the record it already holds; it is never newly chosen.
  if (
    value.allocatedTeamId &&
    value.allocatedTeamId !== currentTeamId &&
    !teams.some((t) => t.id === value.allocatedTeamId)
  )
    throw Problem.invalid([{ field: 'allocatedTeamId', message: 'Select a team from the list' }]);
  if (!value.allocatedWorkerId) return value;
  const worker = staff.find((s) => s.id === value.allocatedWorkerId);
  if (!worker)
    throw Problem.invalid([{ field: 'allocatedWorkerId', message: 'Select a worker from the list' }]);
  if (value.allocatedTeamId && worker.teamId && worker.teamId !== value.allocatedTeamId)
    throw Problem.invalid([
      {
        field: 'allocatedWorkerId',
        message: `${worker.name} is not in the team you chose – choose both again`,
      },
    ]);
  return { ...value, allocatedTeamId: value.allocatedTeamId ?? worker.teamId };
}

/** A worker records a new person. The audit record names the new person. */
export async function createPerson(db: Db, access: CouncilAccess, input: PersonFields) {
  // Nobody's record is left unheld: without an allocation it goes to the creator and their team.
  const allocated =
    input.allocatedTeamId || input.allocatedWorkerId
      ? input
      : { ...input, allocatedTeamId: access.actor.teamId, allocatedWorkerId: access.actor.userId };
  return inTenant(db, access.authorityId, async (tx) => {
    const value = await validated(tx, allocated, null);
    const [created] = await tx
      .insert(people)
      .values({ ...value, authorityId: access.authorityId, updatedBy: access.actor.userId })
      .returning({ id: people.id });
    await recordAudit(tx, {
      actor: access.actor,
      authorityId: access.authorityId,
      personId: created!.id,
      action: 'person.create',
      route: access.route,
      outcome: 'allowed',
    });
    return { id: created!.id };
  });
}

/**
 * Changes some of a person's details. The save names the version it started from; if
 * someone else saved first, nothing is written and the caller is told (409).
 */
export async function updatePerson(
  db: Db,
  access: PersonAccess,
  patch: Partial<PersonFields>,
  version: number,
) {
  await checkAllocationChange(db, access, patch);
  return audited(
    db,
    access,
    'person.change',
    async (tx) => {
      const current = await findPerson(tx, access.personId, true);
      if (!current) throw Problem.notFound('Person');
      if (current.version !== version) throw staleRecord();
      const merged = { ...pick(current), ...patch };
      const value = await validated(tx, merged, access.personId, pick(current));
      const [saved] = await tx
        .update(people)
        .set({ ...value, version: version + 1, updatedBy: access.actor.userId, updatedAt: new Date() })
        .where(and(eq(people.id, access.personId), eq(people.version, version)))
        .returning({ version: people.version });
      if (!saved) throw staleRecord();
      return { version: saved.version };
    },
    { fields: Object.keys(patch) },
  );
}

/**
 * Changing who holds the case needs `access.grant` (the allocated worker, the team and its
 * manager), never breaking glass: allocating oneself would make an 8-hour grant permanent.
 * Sending the allocation unchanged with other work is not a change.
 */
async function checkAllocationChange(db: Db, access: PersonAccess, patch: Partial<PersonFields>) {
  if (patch.allocatedTeamId === undefined && patch.allocatedWorkerId === undefined) return;
  if (relationshipAllows('access.grant', access.actor.role, access.relationship)) return;
  const current = await inTenant(db, access.authorityId, (tx) => findPerson(tx, access.personId));
  if (!current) return; // the save itself answers "not found"
  const changes =
    (patch.allocatedTeamId !== undefined && patch.allocatedTeamId !== current.allocatedTeamId) ||
    (patch.allocatedWorkerId !== undefined && patch.allocatedWorkerId !== current.allocatedWorkerId);
  if (changes) await requirePersonPermission(db, access, 'access.grant', 'allocation');
}

export const staleRecord = () =>
  Problem.conflict(
    'Someone else saved a change to this record while you were working on it. Nothing you entered has been saved. Open the record again to see their change, then make yours.',
  );

function pick(row: typeof people.$inferSelect): PersonFields {
  const {
    authorityId: _a,
    id: _i,
    version: _v,
    updatedBy: _u,
    createdAt: _c,
    updatedAt: _d,
    ...fields
  } = row;
  return fields;
}

/** Everything on the record except equality information (that needs `equality.read`). */
export async function getPersonRecord(db: Db, access: PersonAccess, interimStatusFor: InterimStatusLookup) {
  return audited(db, access, 'person.read', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    // One after another: a transaction is one connection, which runs one query at a time.
    const circle = await tx
      .select()
      .from(circleMembers)
      .where(eq(circleMembers.personId, access.personId))
      .orderBy(asc(circleMembers.createdAt));
    const reps = await tx
      .select()
      .from(representatives)
      .where(eq(representatives.personId, access.personId))
      .orderBy(asc(representatives.startDate));
    const offers = await tx
      .select()
      .from(supportOffers)
      .where(eq(supportOffers.personId, access.personId))
      .orderBy(asc(supportOffers.offeredOn));
    const orders = await tx
      .select()
      .from(legalOrders)
      .where(eq(legalOrders.personId, access.personId))
      .orderBy(asc(legalOrders.startDate));
    const events = await timeline(tx, access.personId);
    const choices = await allocationChoices(tx);
    const groups = await clientGroupList(tx);
    const today = todayInLondon();
    const interim = await interimStatusFor(tx, [access.personId], today);
    return {
      person,
      age: ageOn(person.dateOfBirth, today),
      transition: transitionStatus(person.dateOfBirth, today),
      nation: await nationOf(tx, access.authorityId),
      clientGroupLabel: groups.find((g) => g.code === person.clientGroup)?.label ?? person.clientGroup,
      workerName: choices.staff.find((s) => s.id === person.allocatedWorkerId)?.name ?? null,
      teamName: choices.teamNames.find((t) => t.id === person.allocatedTeamId)?.name ?? null,
      localityName: localityName(person.locality, await localityList(tx)),
      circle,
      representatives: reps,
      supportOffers: offers,
      legalOrders: orders,
      timeline: events,
      interim: interim.get(access.personId) ?? null,
      mayReadEquality: may(access, 'equality.read'),
      mayWriteCase: may(access, 'case.write'),
      mayGrantAccess: may(access, 'access.grant'),
      mayInvite: may(access, 'invitations.manage'),
      mayReadAccess: may(access, 'access.read'),
      invitations: await invitationRows(tx, access),
      today,
    };
  });
}

export type PersonRecord = Awaited<ReturnType<typeof getPersonRecord>>;

const NO_ANSWERS: EqualityAnswers = {
  ethnicity: null,
  disability: null,
  sex: null,
  genderIdentity: null,
  religion: null,
};

/** Equality answers: read only with `equality.read`, and the read itself is audited as such. */
export async function getEquality(db: Db, access: PersonAccess) {
  return audited(db, access, 'equality.read', async (tx) => {
    const [row] = await tx.select().from(personEquality).where(eq(personEquality.personId, access.personId));
    if (!row) return { ...NO_ANSWERS, version: 0 };
    const { ethnicity, disability, sex, genderIdentity, religion, version } = row;
    return { ethnicity, disability, sex, genderIdentity, religion, version };
  });
}

/** Saves all five answers at once; version 0 means "no answers were recorded yet". */
export async function setEquality(db: Db, access: PersonAccess, answers: EqualityAnswers, version: number) {
  const errors = checkEquality(answers);
  if (errors.length) throw Problem.invalid(errors);
  return audited(db, access, 'equality.change', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    const values = { ...answers, updatedBy: access.actor.userId, updatedAt: new Date() };
    if (version === 0) {
      const inserted = await tx
        .insert(personEquality)
        .values({ ...values, authorityId: access.authorityId, personId: access.personId })
        .onConflictDoNothing()
        .returning({ version: personEquality.version });
      if (!inserted.length) throw staleRecord();
      return { version: 1 };
    }
    const [saved] = await tx
      .update(personEquality)
      .set({ ...values, version: version + 1 })
      .where(and(eq(personEquality.personId, access.personId), eq(personEquality.version, version)))
      .returning({ version: personEquality.version });
    if (!saved) throw staleRecord();
    return { version: saved.version };
  });
}

/**
 * One page of the case list: the people (one query), then the interim budget status of
 * that page's people from the budgets feature (one more query, never one per row).
 */
export async function listCases(
  db: Db,
  access: CouncilAccess,
  query: CaseQuery,
  interimStatusFor: InterimStatusLookup,
) {
  return audited(db, access, 'caselist.read', async (tx) => {
    const page = await caseList(tx, query);
    const interim = await interimStatusFor(
      tx,
      page.people.map((p) => p.id),
      todayInLondon(),
    );
    return {
      total: page.total,
      people: page.people.map((p) => ({ ...p, interim: interim.get(p.id) ?? null })),
      choices: await allocationChoices(tx),
      clientGroups: await clientGroupList(tx),
    };
  });
}

/** Reference lists and staff for the forms (no personal data). */
export async function formChoices(db: Db, authorityId: string) {
  return inTenant(db, authorityId, async (tx) => ({
    ...(await allocationChoices(tx)),
    clientGroups: await clientGroupList(tx),
    localities: await localityList(tx),
    nation: await nationOf(tx, authorityId),
  }));
}

/**
 * The people this account may see, from its relationships in force today: the person
 * themselves, someone they represent, or someone whose circle or support they are in.
 */
export async function myPeople(db: Db, access: CouncilAccess) {
  const today = todayInLondon();
  return audited(db, access, 'my_records.read', (tx) =>
    tx.execute(sql`
      select p.id, p.legal_name as "legalName", p.preferred_name as "preferredName", r.kind, r.powers,
             r.valid_to::text as "validTo"
        from person_relationships r
        join people p on p.authority_id = r.authority_id and p.id = r.person_id
       where r.user_id = ${access.actor.userId}
         and r.valid_from <= ${today} and (r.valid_to is null or r.valid_to >= ${today})
         and (r.consent_withdrawn_on is null or r.consent_withdrawn_on > ${today})
       order by (r.kind = 'self') desc, p.legal_name`),
  ).then(
    (result) =>
      (
        result as unknown as {
          rows: {
            id: string;
            legalName: string;
            preferredName: string | null;
            kind: string;
            powers: string[];
            validTo: string | null;
          }[];
        }
      ).rows,
  );
}

/** The provider accounts working with a person today: who a plan line may name as giving it. */
export async function providersOf(tx: Tx, personId: string): Promise<Set<string>> {
  const today = todayInLondon();
  const found = await tx
    .select({ userId: personRelationships.userId })
    .from(personRelationships)
    .where(
      and(
        eq(personRelationships.personId, personId),
        eq(personRelationships.kind, 'provider'),
        lte(personRelationships.validFrom, today),
        or(isNull(personRelationships.validTo), gte(personRelationships.validTo, today)),
        or(isNull(personRelationships.consentWithdrawnOn), gt(personRelationships.consentWithdrawnOn, today)),
      ),
    );
  return new Set(found.map((r) => r.userId));
}

/**
 * The provider accounts working with a person today, with their names: who a plan's cost line
 * may say gives it (the same relationships the provider's own view is allowed by).
 */
export async function providersWorkingWith(
  tx: Tx,
  personId: string,
): Promise<{ id: string; name: string }[]> {
  const ids = [...(await providersOf(tx, personId))];
  if (!ids.length) return [];
  return tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.displayName), asc(users.id));
}

/** The few details a question page shows about whose record it is; an audited read. */
export async function personHeader(db: Db, access: PersonAccess, action: AuditAction = 'person.header.read') {
  return audited(db, access, action, async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    return {
      person,
      nation: await nationOf(tx, access.authorityId),
      name: person.preferredName ?? person.legalName,
    };
  });
}

/**
 * The people feature's services, bound to the database once (src/features/services.ts).
 * Pages and the API call these; route tests pass fakes of the same shape.
 */
export const peopleServices = (db: Db, interimStatusFor: InterimStatusLookup) => ({
  ...localityServices(db),
  invitationChoices: (access: PersonAccess) => invitationChoices(db, access),
  invite: (access: PersonAccess, input: InvitationInput) => createInvitation(db, access, input),
  invitations: (access: PersonAccess) => listInvitations(db, access),
  revokeInvitation: (access: PersonAccess, invitationId: string) =>
    revokeInvitation(db, access, invitationId),
  whoCanSee: (access: PersonAccess) => whoCanSee(db, access),
  header: (access: PersonAccess, action?: AuditAction) => personHeader(db, access, action),
  cases: (access: CouncilAccess, query: CaseQuery) => listCases(db, access, query, interimStatusFor),
  mine: (access: CouncilAccess) => myPeople(db, access),
  formChoices: (authorityId: string) => formChoices(db, authorityId),
  create: (access: CouncilAccess, input: PersonFields) => createPerson(db, access, input),
  record: (access: PersonAccess) => getPersonRecord(db, access, interimStatusFor),
  update: (access: PersonAccess, patch: Partial<PersonFields>, version: number) =>
    updatePerson(db, access, patch, version),
  equality: (access: PersonAccess) => getEquality(db, access),
  setEquality: (access: PersonAccess, answers: EqualityAnswers, version: number) =>
    setEquality(db, access, answers, version),
  requirePermission: (access: PersonAccess, permission: PersonPermission, what: string) =>
    requirePersonPermission(db, access, permission, what),
  addCircleMember: (access: PersonAccess, input: CircleMemberInput) => addCircleMember(db, access, input),
  withdrawCircleConsent: (access: PersonAccess, memberId: string, on: string) =>
    withdrawCircleConsent(db, access, memberId, on),
  addRepresentative: (access: PersonAccess, input: RepresentativeInput) =>
    addRepresentative(db, access, input),
  representative: (access: PersonAccess, representativeId: string) =>
    getRepresentative(db, access, representativeId),
  changeRepresentative: (
    access: PersonAccess,
    representativeId: string,
    change: RepresentativeChange,
    seenEndDate?: string,
  ) => changeRepresentative(db, access, representativeId, change, seenEndDate),
  endRepresentative: (
    access: PersonAccess,
    representativeId: string,
    endDate: string,
    seenEndDate?: string,
  ) => endRepresentative(db, access, representativeId, endDate, seenEndDate),
  addSupportOffer: (access: PersonAccess, input: SupportOfferInput) => addSupportOffer(db, access, input),
  addLegalOrder: (access: PersonAccess, input: LegalOrderInput) => addLegalOrder(db, access, input),
});

export type PeopleServices = ReturnType<typeof peopleServices>;
