/**
 * The council's own settings, for its administrator: its funding streams, and the address and
 * contact details its letters and public pages show. Each use case is one transaction confined
 * to the council with its audit row; the details keep an append-only history of every change.
 *
 * Funding streams, and how a council gets its first ones: a council with no stored streams has
 * exactly the national defaults (`nationalStreams()`), read as such; the first add, rename or
 * retirement writes the defaults and then the change, in the same transaction. No data
 * migration is needed (a generated migration cannot insert rows), and a council created later
 * starts with the defaults without the code that creates councils knowing about streams.
 */
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Executor, Tx } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { FUNDING_STREAMS } from '../../platform/funding-streams.ts';
import { Problem } from '../../platform/http/problem.ts';
import {
  type CouncilDetails,
  codeFromLabel,
  councilDetailsErrors,
  DETAIL_FIELD_NAMES,
  DETAIL_FIELDS,
  type DetailField,
  detailChanges,
  type FundingStreamInput,
  type FundingStreamView,
  fundingStreamErrors,
  nationalStreams,
  normaliseDetails,
  retireRefusal,
} from './rules.ts';
import {
  authorityDetails,
  dataControllerOf,
  detailHistory,
  insertDetailChanges,
  insertStreams,
  storedStreams,
  updateAuthorityDetails,
  updateStream,
} from './store.ts';

const isNational = (code: string) => Object.hasOwn(FUNDING_STREAMS, code);

/**
 * The council's funding streams, retired ones too, inside the caller's tenant transaction: what
 * budgets and plans check a chosen stream against and take labels from.
 */
export async function councilStreams(tx: Executor): Promise<FundingStreamView[]> {
  const stored = await storedStreams(tx);
  if (stored.length === 0) return nationalStreams();
  // The national streams in their usual order, then the council's own as they were added.
  const order = Object.keys(FUNDING_STREAMS);
  const rank = (code: string) => (isNational(code) ? order.indexOf(code) : order.length);
  return stored
    .map((s) => ({
      code: s.code,
      label: s.label,
      description: s.description,
      active: s.active,
      national: isNational(s.code),
    }))
    .sort((a, b) => rank(a.code) - rank(b.code));
}

/** Before the first change: lock the council (changes one at a time) and write the defaults if none are stored. */
async function streamsForChange(tx: Tx, authorityId: string): Promise<FundingStreamView[]> {
  await authorityDetails(tx, authorityId, true);
  if ((await storedStreams(tx)).length === 0) await insertStreams(tx, authorityId, nationalStreams());
  return councilStreams(tx);
}

function streamOf(streams: readonly FundingStreamView[], code: string): FundingStreamView {
  const stream = streams.find((s) => s.code === code);
  if (!stream) throw Problem.notFound('Funding stream');
  return stream;
}

export function listFundingStreams(db: Db, access: CouncilAccess) {
  return audited(db, access, 'funding_streams.read', (tx) => councilStreams(tx));
}

/** The streams a form offers and checks against, without an audit row (no one's personal data). */
export function fundingStreamChoices(db: Db, authorityId: string) {
  return inTenant(db, authorityId, (tx) => councilStreams(tx));
}

export function addFundingStream(db: Db, access: CouncilAccess, input: FundingStreamInput) {
  return audited(db, access, 'funding_stream.add', async (tx) => {
    const streams = await streamsForChange(tx, access.authorityId);
    const errors = fundingStreamErrors(input, streams);
    if (errors.length) throw Problem.invalid(errors);
    const stream = {
      code: (input.code ?? '').trim() || codeFromLabel(input.label),
      label: input.label.trim().replace(/\s+/g, ' '),
      description: input.description.trim(),
      active: true,
    };
    await insertStreams(tx, access.authorityId, [stream]);
    return { ...stream, national: false };
  });
}

export interface FundingStreamChange {
  label?: string | undefined;
  description?: string | undefined;
  active?: boolean | undefined;
}

/** Rename or describe a stream, retire it or bring it back: old budgets and lines keep its code. */
export function changeFundingStream(
  db: Db,
  access: CouncilAccess,
  code: string,
  change: FundingStreamChange,
) {
  const action =
    change.active !== undefined && change.label === undefined && change.description === undefined
      ? 'funding_stream.retire'
      : 'funding_stream.change';
  return audited(
    db,
    access,
    action,
    async (tx) => {
      const streams = await streamsForChange(tx, access.authorityId);
      const stream = streamOf(streams, code);
      const next = {
        label: change.label ?? stream.label,
        description: change.description ?? stream.description,
        active: change.active ?? stream.active,
      };
      const errors = fundingStreamErrors(next, streams, code);
      if (!next.active) {
        const refusal = retireRefusal(stream);
        if (refusal) errors.push({ field: 'active', message: refusal });
      }
      if (errors.length) throw Problem.invalid(errors);
      await updateStream(tx, code, {
        label: next.label.trim().replace(/\s+/g, ' '),
        description: next.description.trim(),
        active: next.active,
        ...(next.active !== stream.active ? { retiredAt: next.active ? null : new Date() } : {}),
      });
      return streamOf(await councilStreams(tx), code);
    },
    { fundingStream: code },
  );
}

// ---- Letter address and contact details ----------------------------------------------------

export type DetailsInput = Partial<Record<DetailField, string | null | undefined>>;

const detailsOf = (row: Record<DetailField, string | null>): CouncilDetails =>
  Object.fromEntries(DETAIL_FIELD_NAMES.map((name) => [name, row[name]])) as CouncilDetails;

async function currentDetails(tx: Executor, authorityId: string, forUpdate = false) {
  const row = await authorityDetails(tx, authorityId, forUpdate);
  if (!row) throw Problem.notFound('Council');
  return { name: row.name, code: row.code, details: detailsOf(row) };
}

/** The details as they are, and every change made to them, newest first. */
export function councilDetails(db: Db, access: CouncilAccess) {
  return audited(db, access, 'council_details.read', async (tx) => {
    const current = await currentDetails(tx, access.authorityId);
    const history = (await detailHistory(tx)).map((h) => ({
      ...h,
      label: DETAIL_FIELDS[h.field as DetailField] ?? h.field,
    }));
    return { ...current, history };
  });
}

function checked(input: DetailsInput): CouncilDetails {
  const errors = councilDetailsErrors(input);
  if (errors.length) throw Problem.invalid(errors);
  return normaliseDetails(input);
}

/** The check page: each field now and as it would be; field errors if anything is wrong. Writes nothing. */
export function checkCouncilDetails(db: Db, access: CouncilAccess, input: DetailsInput) {
  return audited(db, access, 'council_details.read', async (tx) => {
    const after = checked(input);
    const current = await currentDetails(tx, access.authorityId);
    return { name: current.name, after, changes: detailChanges(current.details, after) };
  });
}

/**
 * Save the details: checked again, the council's row changed and one history row written for
 * each field that changed, in one transaction. Saving with nothing changed writes nothing.
 */
export function saveCouncilDetails(db: Db, access: CouncilAccess, input: DetailsInput) {
  return audited(db, access, 'council_details.change', async (tx) => {
    const after = checked(input);
    const current = await currentDetails(tx, access.authorityId, true);
    const changed = detailChanges(current.details, after).filter((c) => c.changed);
    if (changed.length) {
      await updateAuthorityDetails(tx, access.authorityId, after);
      await insertDetailChanges(
        tx,
        changed.map((c) => ({
          authorityId: access.authorityId,
          field: c.field,
          before: c.before,
          after: c.after,
          changedBy: access.actor.userId,
        })),
      );
    }
    return { details: after, changed: changed.map((c) => c.field) };
  });
}

/**
 * What a public page says about the council: its name and contact details. Not personal data
 * and not confined to a tenant (`authorities` is the list of councils), so no audit row.
 */
export async function publicCouncilContact(db: Db, authorityId: string) {
  return {
    ...(await currentDetails(db, authorityId)),
    dataController: await dataControllerOf(db, authorityId),
  };
}

export const councilSettingsServices = (db: Db) => ({
  fundingStreams: (access: CouncilAccess) => listFundingStreams(db, access),
  fundingStreamChoices: (authorityId: string) => fundingStreamChoices(db, authorityId),
  addFundingStream: (access: CouncilAccess, input: FundingStreamInput) => addFundingStream(db, access, input),
  changeFundingStream: (access: CouncilAccess, code: string, change: FundingStreamChange) =>
    changeFundingStream(db, access, code, change),
  details: (access: CouncilAccess) => councilDetails(db, access),
  checkDetails: (access: CouncilAccess, input: DetailsInput) => checkCouncilDetails(db, access, input),
  saveDetails: (access: CouncilAccess, input: DetailsInput) => saveCouncilDetails(db, access, input),
  publicContact: (authorityId: string) => publicCouncilContact(db, authorityId),
});
