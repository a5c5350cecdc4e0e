import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { type IsoDate, todayInLondon } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import {
  type AgreementAnswers,
  type AgreementFacts,
  agreementErrors,
  agreementSentence,
  isAgreementWay,
  mayAgreeFor,
  SCAN_TYPES,
  type ScanType,
  scanErrors,
  sizeText,
  sniffScanType,
} from './agreement-rules.ts';
import {
  keepScan,
  readScan,
  readStaged,
  removeScan,
  removeStaged,
  sha256,
  stageScan,
} from './agreement-files.ts';
import { lifecycleActor, loadPlanContext, refused, requirePlan, staleWrite, toMachine } from './context.ts';
import { transition } from './rules.ts';
import {
  type AgreementRow,
  agreementForPlan,
  insertAgreement,
  type PlanRow,
  personName,
  planVersion,
  representativesOf,
  updatePlanIfUnchanged,
  userNames,
} from './store.ts';

/**
 * Agreement recorded for someone without an account (rules in agreement-rules.ts): the form's
 * facts, checking the answers before the check page, saving them with the optional scanned
 * copy in one transaction with its audit row, reading them back, and the scan's download.
 */

export interface AgreementInput extends AgreementAnswers {
  /** The plan's concurrency token as the worker saw it. */
  rowVersion: number;
  /** The plan version the person agreed: it must be the one shared with them. */
  version: number;
}

/** An uploaded scan as the request carried it, or one staged by the check page. */
export type ScanInput =
  | { kind: 'upload'; bytes: Buffer; truncated: boolean }
  | { kind: 'staged'; id: string; sha256: string }
  | null;

const STALE_TOKEN: FieldError = {
  field: 'rowVersion',
  message:
    'Someone else changed or decided on this plan while you were looking at it. Look at the plan again and try again.',
};

/** The day the version was shared: recorded since sharing kept it; before that, its last change. */
const sharedOnOf = (plan: PlanRow): IsoDate => plan.sharedOn ?? todayInLondon(plan.updatedAt);

async function factsFor(tx: Tx, access: PersonAccess, plan: PlanRow) {
  const name = await personName(tx, access.personId);
  const representatives = await representativesOf(tx, access.personId);
  const facts: AgreementFacts = {
    today: todayInLondon(),
    sharedOn: sharedOnOf(plan),
    personName: name,
    representatives,
  };
  return facts;
}

/** The version must be the current one, and shared with the person, for their agreement to be recorded. */
function versionErrors(plan: PlanRow, version: number, name: string): FieldError[] {
  if (plan.version !== version)
    return [
      {
        field: 'version',
        message: `Version ${version} is not the version of the plan shared with ${name}: that is version ${plan.version}`,
      },
    ];
  if (plan.state !== 'shared')
    return [
      {
        field: 'version',
        message: `Version ${version} of the plan is not waiting for ${name} to agree it, so an agreement cannot be recorded`,
      },
    ];
  return [];
}

/** What the form offers: the shared version, its date, and who may agree it for the person. */
export async function agreementForm(db: Db, access: PersonAccess) {
  return audited(db, access, 'plan.agreement_form.open', async (tx) => {
    const plan = requirePlan((await loadPlanContext(tx, access)).plan);
    const facts = await factsFor(tx, access, plan);
    return formView(plan, facts);
  });
}

function formView(plan: PlanRow, facts: AgreementFacts) {
  return {
    personName: facts.personName,
    plan: { version: plan.version, rowVersion: plan.rowVersion, state: plan.state },
    sharedOn: facts.sharedOn,
    /** Representatives who may agree the plan today (the power to sign, in their dates). */
    signers: facts.representatives
      .filter((r) => mayAgreeFor(r, facts.today))
      .map((r) => ({ id: r.id, name: r.name })),
  };
}

/**
 * The checks the check page and the save both make, in the caller's transaction: the plan
 * version the form started from is still current, and the answers and the scanned copy pass.
 */
async function validAgreement(
  tx: Tx,
  dataDir: string,
  access: PersonAccess,
  input: AgreementInput,
  scan: ScanInput,
) {
  const context = await loadPlanContext(tx, access);
  const plan = requirePlan(context.plan);
  if (plan.rowVersion !== input.rowVersion) throw Problem.conflict(STALE_TOKEN.message, [STALE_TOKEN]);
  const facts = await factsFor(tx, access, plan);
  const found = await scanBytes(dataDir, access.authorityId, scan);
  const errors = [
    ...versionErrors(plan, input.version, facts.personName),
    ...agreementErrors(input, facts),
    ...found.errors,
  ];
  if (errors.length) throw Problem.invalid(errors);
  return { context, plan, facts, bytes: found.bytes };
}

/**
 * The check page's step: every answer and the scan checked as saving would check them, and
 * the scan kept aside (staged) so the check page can carry it by id. Nothing is recorded.
 */
export async function checkAgreement(
  db: Db,
  dataDir: string,
  access: PersonAccess,
  input: AgreementInput,
  scan: ScanInput,
) {
  const checked = await audited(db, access, 'plan.agreement_form.open', async (tx) => {
    const { plan, facts, bytes } = await validAgreement(tx, dataDir, access, input, scan);
    return { form: formView(plan, facts), facts, bytes };
  });
  let staged: { id: string; sha256: string; bytes: number; type: ScanType } | null = null;
  if (checked.bytes && scan?.kind === 'upload') {
    staged = {
      id: await stageScan(dataDir, access.authorityId, checked.bytes),
      sha256: sha256(checked.bytes),
      bytes: checked.bytes.length,
      type: sniffScanType(checked.bytes)!,
    };
  } else if (checked.bytes && scan?.kind === 'staged') {
    staged = {
      id: scan.id,
      sha256: scan.sha256,
      bytes: checked.bytes.length,
      type: sniffScanType(checked.bytes)!,
    };
  }
  const representative = checked.facts.representatives.find((r) => r.id === input.representativeId.trim());
  return { ...checked.form, staged, representativeName: representative?.name ?? null };
}

/** The scan's bytes and any problem with them (on the field `scan`). */
async function scanBytes(
  dataDir: string,
  authorityId: string,
  scan: ScanInput,
): Promise<{ bytes: Buffer | null; errors: FieldError[] }> {
  if (!scan) return { bytes: null, errors: [] };
  if (scan.kind === 'upload') return { bytes: scan.bytes, errors: scanErrors(scan) };
  const bytes = await readStaged(dataDir, authorityId, scan.id);
  if (!bytes || sha256(bytes) !== scan.sha256)
    return {
      bytes: null,
      errors: [
        { field: 'scan', message: 'The scanned copy was not kept long enough. Choose the file again' },
      ],
    };
  return { bytes, errors: scanErrors({ bytes, truncated: false }) };
}

/**
 * Records how the person agreed the shared version: the plan moves to signed (the lifecycle's
 * `record_agreement`), the agreement row and the audit row are written in one transaction, and
 * the scan is kept under the data directory with its SHA-256 and size. A refusal writes
 * nothing: every check runs before the first write, and a scan written before the transaction
 * failed to commit is removed again.
 */
export async function recordAgreement(
  db: Db,
  dataDir: string,
  access: PersonAccess,
  input: AgreementInput,
  scan: ScanInput,
) {
  let written: string | null = null;
  try {
    const result = await audited(
      db,
      access,
      'plan.agreement.record',
      async (tx) => {
        const { context, plan, facts, bytes: found } = await validAgreement(tx, dataDir, access, input, scan);
        const way = input.way.trim();
        if (!isAgreementWay(way))
          throw Problem.invalid([{ field: 'way', message: 'Select how they agreed' }]);
        const agreedOn = input.agreedOn.trim();
        const next = transition(toMachine(plan, context.budgetWeekly), {
          type: 'record_agreement',
          actor: lifecycleActor(access),
          on: agreedOn,
          way,
        });
        if (!next.ok) refused(next.error);
        const representative =
          way === 'representative'
            ? facts.representatives.find((r) => r.id === input.representativeId.trim())
            : undefined;
        const agreedByName = representative?.name ?? facts.personName;
        const updated = await updatePlanIfUnchanged(tx, plan.id, plan.rowVersion, {
          state: 'signed',
          signature: {
            ...next.plan.signature,
            name: agreedByName,
            relationship: 'recorded',
            recordedBy: access.actor.displayName,
          },
        });
        if (!updated) staleWrite();
        const bytes = found;
        if (bytes) written = await keepScan(dataDir, access.authorityId, bytes);
        const agreement = await insertAgreement(tx, {
          authorityId: access.authorityId,
          planId: plan.id,
          personId: access.personId,
          planVersion: plan.version,
          way,
          agreedByName,
          representativeId: representative?.id ?? null,
          agreedOn,
          witnessName: input.witnessName.trim() || null,
          witnessRole: input.witnessRole.trim() || null,
          notes: input.notes.trim() || null,
          scanKey: written,
          scanType: bytes ? sniffScanType(bytes) : null,
          scanBytes: bytes ? bytes.length : null,
          scanSha256: bytes ? sha256(bytes) : null,
          recordedBy: access.actor.userId,
        });
        return { plan: updated, agreement: present(agreement, facts.personName, access.actor.displayName) };
      },
      { rowVersion: input.rowVersion, version: input.version },
    );
    if (scan?.kind === 'staged') await removeStaged(dataDir, access.authorityId, scan.id);
    return result;
  } catch (error) {
    if (written) await removeScan(dataDir, access.authorityId, written);
    throw error;
  }
}

/** A recorded agreement as the page, the API and the printed plan show it. */
export function present(row: AgreementRow, name: string, recordedBy: string) {
  const scan = row.scanKey && row.scanType ? SCAN_TYPES[row.scanType] : null;
  return {
    id: row.id,
    planVersion: row.planVersion,
    way: row.way,
    agreedByName: row.agreedByName,
    representativeId: row.representativeId,
    agreedOn: row.agreedOn,
    witnessName: row.witnessName,
    witnessRole: row.witnessRole,
    notes: row.notes,
    recordedBy,
    recordedAt: row.createdAt,
    scan: scan
      ? {
          type: row.scanType!,
          label: scan.label,
          mediaType: scan.mime,
          bytes: row.scanBytes ?? 0,
          sizeText: sizeText(row.scanBytes ?? 0),
          sha256: row.scanSha256 ?? '',
        }
      : null,
    sentence: agreementSentence(
      {
        way: row.way,
        agreedByName: row.agreedByName,
        agreedOn: row.agreedOn,
        witnessName: row.witnessName,
        witnessRole: row.witnessRole,
        hasScan: scan !== null,
      },
      name,
    ),
  };
}
export type PresentedAgreement = ReturnType<typeof present>;

async function versionRow(tx: Tx, access: PersonAccess, version: number | undefined) {
  const plan =
    version === undefined
      ? (await loadPlanContext(tx, access)).plan
      : await planVersion(tx, access.personId, version);
  return requirePlan(plan);
}

/** The recorded agreement to a version (default: the current one); 404 when none was recorded. */
export async function readAgreement(db: Db, access: PersonAccess, version?: number) {
  return audited(db, access, 'plan.agreement.read', async (tx) => {
    const plan = await versionRow(tx, access, version);
    const row = await agreementForPlan(tx, plan.id);
    if (!row) throw Problem.notFound('Recorded agreement');
    const names = await userNames(tx, [row.recordedBy]);
    return present(row, await personName(tx, access.personId), names.get(row.recordedBy) ?? '');
  });
}

/** The kept scan of a version's recorded agreement, checked against the SHA-256 recorded with it. */
export async function agreementScan(db: Db, dataDir: string, access: PersonAccess, version?: number) {
  return audited(db, access, 'plan.agreement_scan.read', async (tx) => {
    const plan = await versionRow(tx, access, version);
    const row = await agreementForPlan(tx, plan.id);
    if (!row?.scanKey || !row.scanType) throw Problem.notFound('Scanned copy');
    const bytes = await readScan(dataDir, access.authorityId, row.scanKey);
    if (!bytes || sha256(bytes) !== row.scanSha256) throw Problem.notFound('Scanned copy');
    const type = SCAN_TYPES[row.scanType];
    return {
      bytes,
      mediaType: type.mime,
      filename: `plan-version-${plan.version}-agreement.${type.extension}`,
    };
  });
}
