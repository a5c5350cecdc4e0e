import { and, asc, desc, eq } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { Problem } from '../../platform/http/problem.ts';
import { staleRecord } from '../people/index.ts';
import { findPerson } from '../people/index.ts';
import {
  allowedSaidBy,
  changedFields,
  checkOutcome,
  checkOutcomeAttribution,
  defaultSaidBy,
  type OutcomeFields,
  recordsForOthers,
  speakerName,
  typedBy,
  writerOf,
} from './rules.ts';
import { outcomeAreas, personalOutcomeChanges, personalOutcomes } from './schema.ts';

export async function outcomeAreaList(tx: Tx) {
  return tx.select().from(outcomeAreas).orderBy(asc(outcomeAreas.sortOrder));
}

/** The signed-in account as the typist of an outcome's current words (never from the request). */
const wordsTypedBy = (access: PersonAccess) => ({
  wordsTypedBy: access.actor.userId,
  wordsTypedByName: access.actor.displayName,
  wordsTypedByRole: access.actor.role,
});

type OutcomeRow = typeof personalOutcomes.$inferSelect;
/** An outcome as shown: who typed its words beside who said them. */
const shown = (o: OutcomeRow) => ({ ...o, typedBy: typedBy(o.wordsTypedByName, o.wordsTypedByRole) });

/** Whose words in this list this account may change: only those it may speak for. */
export function mayChangeWords(access: PersonAccess, outcome: { saidBy: string }): boolean {
  return (allowedSaidBy(writerOf(access)) as readonly string[]).includes(outcome.saidBy);
}

/** Holding the case: the same test as recording what others said (rules.ts). */
const holdsCase = (access: PersonAccess) => recordsForOthers(writerOf(access));

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
    // One after another: a transaction's connection runs one query at a time.
    const outcomes = await tx
      .select()
      .from(personalOutcomes)
      .where(eq(personalOutcomes.personId, access.personId))
      .orderBy(asc(personalOutcomes.priority), asc(personalOutcomes.createdAt));
    const areas = await outcomeAreaList(tx);
    return { outcomes: outcomes.map(shown), areas, mayWriteCase: holdsCase(access) };
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
    return {
      outcome: shown(outcome),
      history,
      areas: await outcomeAreaList(tx),
      mayWriteCase: holdsCase(access),
      mayChangeWords: mayChangeWords(access, outcome),
    };
  });
}

export type OutcomeInput = Partial<OutcomeFields> & { personWords: string; area: string };

export async function createOutcome(db: Db, access: PersonAccess, input: OutcomeInput) {
  refuseProfessionalFields(access, input);
  return audited(db, access, 'outcome.create', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    const writer = writerOf(access);
    const saidBy = input.saidBy ?? defaultSaidBy(writer) ?? 'person';
    const speaker = speakerName(writer, saidBy, input.saidByName, access.actor.displayName);
    const fields: OutcomeFields = {
      personWords: input.personWords?.trim() ?? '',
      saidBy,
      saidByName: speaker.name,
      professionalView: input.professionalView?.trim() || null,
      area: input.area,
      priority: input.priority ?? 2,
      status: input.status ?? 'active',
    };
    const errors = [
      ...checkOutcome(
        fields,
        (await outcomeAreaList(tx)).map((a) => a.code),
      ).filter((e) => e.field !== 'saidBy'),
      ...checkOutcomeAttribution(writer, null, saidBy),
      ...speaker.errors,
    ];
    if (errors.length) throw Problem.invalid(errors);
    const [saved] = await tx
      .insert(personalOutcomes)
      .values({
        ...fields,
        ...wordsTypedBy(access),
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
      saidByName: current.saidByName,
      professionalView: current.professionalView,
      area: current.area,
      priority: current.priority,
      status: current.status,
    };
    const wordsChanged = input.personWords !== undefined && input.personWords.trim() !== current.personWords;
    const saidBy = input.saidBy ?? current.saidBy;
    const attributionChanged =
      saidBy !== current.saidBy ||
      (input.saidByName !== undefined && (input.saidByName?.trim() || null) !== current.saidByName);
    // The words stay said by whoever said them, unless a worker records that someone else did;
    // only someone who may speak for both may change them (a parent never changes a child's words).
    const writer = writerOf(access);
    const touched = wordsChanged || attributionChanged;
    // A worker keeps the name already given unless they change it; anyone else speaks as themselves.
    const keptName = recordsForOthers(writer) && saidBy === current.saidBy ? current.saidByName : null;
    const speaker = touched
      ? speakerName(writer, saidBy, input.saidByName ?? keptName, access.actor.displayName)
      : { name: current.saidByName, errors: [] };
    const after: OutcomeFields = {
      ...before,
      ...input,
      personWords: input.personWords?.trim() ?? current.personWords,
      professionalView:
        input.professionalView === undefined
          ? current.professionalView
          : input.professionalView?.trim() || null,
      saidBy,
      saidByName: speaker.name,
    };
    const errors = [
      ...checkOutcome(
        after,
        (await outcomeAreaList(tx)).map((a) => a.code),
      ).filter((e) => !touched || e.field !== 'saidBy'),
      ...(touched ? checkOutcomeAttribution(writer, current.saidBy, saidBy) : []),
      ...speaker.errors,
    ];
    if (errors.length) throw Problem.invalid(errors);
    const changes = changedFields(before, after);
    if (!Object.keys(changes).length) return { id: outcomeId, version };
    const [saved] = await tx
      .update(personalOutcomes)
      .set({
        ...after,
        ...(wordsChanged ? wordsTypedBy(access) : {}),
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
