import { and, asc, desc, eq } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { relationshipAllows } from '../../platform/auth/policy.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { Problem } from '../../platform/http/problem.ts';
import { staleRecord } from '../people/service.ts';
import { findPerson } from '../people/store.ts';
import { changedFields, checkOutcome, type OutcomeFields } from './rules.ts';
import { outcomeAreas, personalOutcomeChanges, personalOutcomes } from './schema.ts';

export async function outcomeAreaList(tx: Tx) {
  return tx.select().from(outcomeAreas).orderBy(asc(outcomeAreas.sortOrder));
}

/** Who said it follows from who is writing: the person, their representative, an advocate. */
function saidByFor(access: PersonAccess, requested: string | undefined): string {
  switch (access.relationship.kind) {
    case 'self':
      return 'person';
    case 'representative':
      return 'representative';
    case 'advocate':
      return 'advocate';
    case 'circle_member':
      return 'family';
    default:
      return requested ?? 'person';
  }
}

const holdsCase = (access: PersonAccess) =>
  relationshipAllows('case.write', access.actor.role, access.relationship);

/** Only the worker holding the case writes the professional view, priority and status. */
const PROFESSIONAL_FIELDS = ['professionalView', 'priority', 'status'] as const;

function refuseProfessionalFields(access: PersonAccess, input: Partial<OutcomeFields>) {
  if (holdsCase(access)) return;
  const tried = PROFESSIONAL_FIELDS.filter((f) => input[f] !== undefined);
  if (tried.length)
    throw Problem.forbidden(
      `Only the worker holding the case can change ${tried.join(', ')}. You can change the outcome in your own words.`,
    );
}

async function recordChange(
  tx: Tx,
  access: PersonAccess,
  outcomeId: string,
  version: number,
  changes: Record<string, { from: unknown; to: unknown }>,
) {
  await tx.insert(personalOutcomeChanges).values({
    authorityId: access.authorityId,
    outcomeId,
    personId: access.personId,
    version,
    changedBy: access.actor.userId,
    changedByName: access.actor.displayName,
    changedByRole: access.actor.role,
    changes,
  });
}

export async function listOutcomes(db: Db, access: PersonAccess) {
  return audited(db, access, 'outcomes.read', async (tx) => {
    const [outcomes, areas] = await Promise.all([
      tx
        .select()
        .from(personalOutcomes)
        .where(eq(personalOutcomes.personId, access.personId))
        .orderBy(asc(personalOutcomes.priority), asc(personalOutcomes.createdAt)),
      outcomeAreaList(tx),
    ]);
    return { outcomes, areas, mayWriteCase: holdsCase(access) };
  });
}

export async function getOutcome(db: Db, access: PersonAccess, outcomeId: string) {
  return audited(db, access, 'outcome.read', async (tx) => {
    const [outcome] = await tx
      .select()
      .from(personalOutcomes)
      .where(and(eq(personalOutcomes.id, outcomeId), eq(personalOutcomes.personId, access.personId)));
    if (!outcome) throw Problem.notFound('Outcome');
    const history = await tx
      .select()
      .from(personalOutcomeChanges)
      .where(eq(personalOutcomeChanges.outcomeId, outcomeId))
      .orderBy(desc(personalOutcomeChanges.version));
    return { outcome, history, areas: await outcomeAreaList(tx), mayWriteCase: holdsCase(access) };
  });
}

export type OutcomeInput = Partial<OutcomeFields> & { personWords: string; area: string };

export async function createOutcome(db: Db, access: PersonAccess, input: OutcomeInput) {
  refuseProfessionalFields(access, input);
  return audited(db, access, 'outcome.create', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    const fields: OutcomeFields = {
      personWords: input.personWords?.trim() ?? '',
      saidBy: saidByFor(access, input.saidBy),
      professionalView: input.professionalView?.trim() || null,
      area: input.area,
      priority: input.priority ?? 2,
      status: input.status ?? 'active',
    };
    const errors = checkOutcome(
      fields,
      (await outcomeAreaList(tx)).map((a) => a.code),
    );
    if (errors.length) throw Problem.invalid(errors);
    const [saved] = await tx
      .insert(personalOutcomes)
      .values({
        ...fields,
        status: fields.status as 'active',
        authorityId: access.authorityId,
        personId: access.personId,
        createdBy: access.actor.userId,
        updatedBy: access.actor.userId,
      })
      .returning({ id: personalOutcomes.id, version: personalOutcomes.version });
    await recordChange(tx, access, saved!.id, 1, changedFields({} as OutcomeFields, fields));
    return saved!;
  });
}

/**
 * Changes an outcome. The save names the version it started from; a stale save writes
 * nothing and is told so (409). Every change lands in the history with its before and after.
 */
export async function updateOutcome(
  db: Db,
  access: PersonAccess,
  outcomeId: string,
  input: Partial<OutcomeFields>,
  version: number,
) {
  refuseProfessionalFields(access, input);
  return audited(db, access, 'outcome.change', async (tx) => {
    const [current] = await tx
      .select()
      .from(personalOutcomes)
      .where(and(eq(personalOutcomes.id, outcomeId), eq(personalOutcomes.personId, access.personId)))
      .for('update');
    if (!current) throw Problem.notFound('Outcome');
    if (current.version !== version) throw staleRecord();
    const before: OutcomeFields = {
      personWords: current.personWords,
      saidBy: current.saidBy,
      professionalView: current.professionalView,
      area: current.area,
      priority: current.priority,
      status: current.status,
    };
    const wordsChanged = input.personWords !== undefined && input.personWords.trim() !== current.personWords;
    const after: OutcomeFields = {
      ...before,
      ...input,
      personWords: input.personWords?.trim() ?? current.personWords,
      professionalView:
        input.professionalView === undefined
          ? current.professionalView
          : input.professionalView?.trim() || null,
      // Whoever changes the words is who said them now; a worker may say whom they wrote them with.
      saidBy: wordsChanged ? saidByFor(access, input.saidBy) : (input.saidBy ?? current.saidBy),
    };
    const errors = checkOutcome(
      after,
      (await outcomeAreaList(tx)).map((a) => a.code),
    );
    if (errors.length) throw Problem.invalid(errors);
    const changes = changedFields(before, after);
    if (!Object.keys(changes).length) return { id: outcomeId, version };
    const [saved] = await tx
      .update(personalOutcomes)
      .set({
        ...after,
        status: after.status as 'active',
        version: version + 1,
        updatedBy: access.actor.userId,
        updatedAt: new Date(),
      })
      .where(and(eq(personalOutcomes.id, outcomeId), eq(personalOutcomes.version, version)))
      .returning({ id: personalOutcomes.id, version: personalOutcomes.version });
    if (!saved) throw staleRecord();
    await recordChange(tx, access, outcomeId, saved.version, changes);
    return saved;
  });
}
