import type { PlatformAccess } from '../../platform/auth/access.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { asSystem, inNewTenant, inTenant } from '../../platform/db/transaction.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { emailTaken, insertStaffInvitation } from '../accounts/index.ts';
import {
  type CouncilDetails,
  DETAIL_FIELDS,
  detailErrors,
  isNation,
  type NewCouncil,
  newCouncilErrors,
  tidyDetails,
} from './rules.ts';
import { codeInUse, councilById, insertCouncil, listCouncils, updateCouncil } from './store.ts';

/**
 * The platform operator's use cases: list, create and change councils. The operator belongs to
 * no council and never reads personal data: nothing here returns a person's name or record
 * (the list counts staff accounts, it does not name them). Councils are looked at across every
 * council, so reads run as the database owner; every write is one transaction with its audit
 * row in the council's own log.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_TAKEN = 'Another council already has this code. Choose a different one';
const EMAIL_TAKEN = 'An account with this email address already exists';

export function councilList(db: Db, _access: PlatformAccess) {
  return asSystem(db, (tx) => listCouncils(tx));
}

export async function councilFor(db: Db, _access: PlatformAccess, councilId: string) {
  const council = UUID.test(councilId) ? await asSystem(db, (tx) => councilById(tx, councilId)) : null;
  if (!council) throw Problem.notFound('Council');
  return council;
}

/**
 * Checks a new council without writing anything: every field's problem at once, a code another
 * council has, an administrator e-mail some account has. The check-your-answers page comes after.
 */
export async function checkNewCouncil(db: Db, council: NewCouncil): Promise<void> {
  const errors = newCouncilErrors(council);
  const code = council.code.trim();
  if (!errors.some((e) => e.field === 'code') && (await codeInUse(db, code)))
    errors.push({ field: 'code', message: CODE_TAKEN });
  if (
    !errors.some((e) => e.field === 'administratorEmail') &&
    (await emailTaken(db, council.administratorEmail))
  )
    errors.push({ field: 'administratorEmail', message: EMAIL_TAKEN });
  if (errors.length) throw Problem.invalid(sorted(errors));
}

/** The fields' order on the form, so the error summary reads top to bottom. */
const ORDER = ['nation', 'name', 'code', ...DETAIL_FIELDS, 'administratorName', 'administratorEmail'];
const sorted = (errors: FieldError[]) =>
  [...errors].sort((a, b) => ORDER.indexOf(a.field) - ORDER.indexOf(b.field));

/**
 * Creates a council, in one transaction: the council, its first administrator as an invited
 * staff account (the accounts feature's own invitation, a one-time link returned once and kept
 * only as a hash) and the audit row, in the new council's log. A code or e-mail taken by a
 * request at the same moment is the same field error (the unique keys decide).
 */
export async function createCouncil(db: Db, access: PlatformAccess, council: NewCouncil, now = new Date()) {
  await checkNewCouncil(db, council);
  const details = tidyDetails(council);
  const code = council.code.trim();
  const nation = council.nation;
  if (!isNation(nation)) throw Problem.invalid([{ field: 'nation', message: 'Select Scotland or England' }]);
  try {
    return await inNewTenant(
      db,
      (tx) => insertCouncil(tx, { ...details, code, nation }),
      async (tx, authorityId) => {
        const invited = await insertStaffInvitation(
          tx,
          {
            authorityId,
            email: council.administratorEmail,
            displayName: council.administratorName,
            role: 'admin',
            teamId: null,
            invitedBy: 'self',
          },
          now,
        );
        await recordAudit(tx, {
          actor: access.actor,
          authorityId,
          personId: null,
          action: 'council.create',
          route: access.route,
          outcome: 'allowed',
          detail: { code, nation, administratorUserId: invited.userId },
        });
        return { councilId: authorityId, code, name: details.name, invitationPath: invited.path };
      },
    );
  } catch (error) {
    const taken = uniqueViolation(error);
    if (taken === 'authorities_code_unique') throw Problem.invalid([{ field: 'code', message: CODE_TAKEN }]);
    if (taken === 'users_email_unique')
      throw Problem.invalid([{ field: 'administratorEmail', message: EMAIL_TAKEN }]);
    throw error;
  }
}

/** Changes a council's name, address, contact and data controller details (never its code or nation). */
export async function changeCouncil(
  db: Db,
  access: PlatformAccess,
  councilId: string,
  details: CouncilDetails,
) {
  const before = await councilFor(db, access, councilId);
  const errors = detailErrors(details);
  if (errors.length) throw Problem.invalid(errors);
  const tidy = tidyDetails(details);
  const changed = DETAIL_FIELDS.filter((field) => (before[field] ?? '') !== tidy[field]);
  if (!changed.length) return before;
  await inTenant(db, councilId, async (tx) => {
    await updateCouncil(tx, councilId, tidy);
    await recordAudit(tx, {
      actor: access.actor,
      authorityId: councilId,
      personId: null,
      action: 'council.change',
      route: access.route,
      outcome: 'allowed',
      detail: { changed },
    });
  });
  return councilFor(db, access, councilId);
}

/** The constraint a unique violation names (PostgreSQL 23505), or null for any other error. */
function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505') return constraint ?? '';
  }
  return null;
}

/** The councils feature's services, bound to the database (src/features/services.ts). */
export const councilAdminServices = (db: Db) => ({
  list: (access: PlatformAccess) => councilList(db, access),
  council: (access: PlatformAccess, councilId: string) => councilFor(db, access, councilId),
  check: (council: NewCouncil) => checkNewCouncil(db, council),
  create: (access: PlatformAccess, council: NewCouncil) => createCouncil(db, access, council),
  change: (access: PlatformAccess, councilId: string, details: CouncilDetails) =>
    changeCouncil(db, access, councilId, details),
});
