/**
 * Agreement recorded for someone who has no account (issue 14, item 2): a worker writes down
 * how the person agreed the version of the plan that was shared with them. Pure rules only;
 * the service (agreement.ts) reads the plan and the representatives, and stores the scan.
 *
 * Decisions recorded here:
 * - Four ways of agreeing: signed on paper, agreed verbally, agreed with an independent
 *   advocate present, or agreed through a representative. A recorded agreement counts as the
 *   person's signature (the plan moves from shared to signed), so a manager then agrees the
 *   plan exactly as after a signature from an account.
 * - A witness (name and role) is needed when nothing was written down by the person: agreed
 *   verbally, or with an advocate present (the advocate is the witness). On paper and through
 *   a representative the witness is optional.
 * - Through a representative: one of the record's representatives whose powers include
 *   signing the plan, and whose time as representative covers the day they agreed.
 * - The day they agreed is not in the future and not before the version was shared with them:
 *   nobody can agree words they had not yet been given.
 * - A scanned copy is optional: PDF, PNG or JPEG, known by the file's own first bytes (its
 *   magic number), never by its name or the type the browser claimed; at most 5 MB.
 */
import { formatDate, type IsoDate, isIsoDate } from '../../../platform/dates.ts';
import type { FieldError } from '../../../platform/http/problem.ts';

export const AGREEMENT_WAYS = {
  paper: 'Signed on paper',
  verbal: 'Agreed verbally',
  advocate: 'Agreed with an independent advocate present',
  representative: 'Agreed through a representative',
} as const;
export type AgreementWay = keyof typeof AGREEMENT_WAYS;

export const isAgreementWay = (value: string): value is AgreementWay => Object.hasOwn(AGREEMENT_WAYS, value);

/** Ways where the person wrote nothing down, so someone else must say they saw it. */
export function needsWitness(way: AgreementWay): boolean {
  return way === 'verbal' || way === 'advocate';
}

export function needsRepresentative(way: AgreementWay): boolean {
  return way === 'representative';
}

/** The representative's power that signing a plan needs (the same as signing from an account). */
export const SIGN_POWER = 'sign_support_plan';

export interface RepresentativeChoice {
  id: string;
  name: string;
  powers: readonly string[];
  startDate: IsoDate;
  endDate: IsoDate | null;
}

/** May this representative have agreed the plan for the person on this day? */
export function mayAgreeFor(representative: RepresentativeChoice, on: IsoDate): boolean {
  return (
    representative.powers.includes(SIGN_POWER) &&
    representative.startDate <= on &&
    (representative.endDate === null || representative.endDate >= on)
  );
}

export const TEXT_LIMITS = { witnessName: 200, witnessRole: 200, notes: 2000 } as const;

export interface AgreementAnswers {
  way: string;
  /** 'YYYY-MM-DD', '' when not given, or anything else the client sent. */
  agreedOn: string;
  representativeId: string;
  witnessName: string;
  witnessRole: string;
  notes: string;
}

export interface AgreementFacts {
  today: IsoDate;
  /** The day the version was shared with the person. */
  sharedOn: IsoDate;
  personName: string;
  representatives: readonly RepresentativeChoice[];
}

/** Every problem with the answers, each on its own field; none means they can be saved. */
export function agreementErrors(answers: AgreementAnswers, facts: AgreementFacts): FieldError[] {
  const errors: FieldError[] = [];
  const way = answers.way.trim();
  if (!isAgreementWay(way))
    errors.push({ field: 'way', message: `Select how ${facts.personName} agreed the plan` });

  const on = answers.agreedOn.trim();
  if (!on) errors.push({ field: 'agreedOn', message: 'Enter the date they agreed the plan' });
  else if (!isIsoDate(on))
    errors.push({ field: 'agreedOn', message: 'Enter a real date, for example 3 11 2026' });
  else if (on > facts.today)
    errors.push({ field: 'agreedOn', message: 'The date they agreed the plan must be today or in the past' });
  else if (on < facts.sharedOn)
    errors.push({
      field: 'agreedOn',
      message: `The date they agreed the plan cannot be before it was shared with them on ${formatDate(facts.sharedOn)}`,
    });

  const repId = answers.representativeId.trim();
  if (isAgreementWay(way) && needsRepresentative(way)) {
    const chosen = facts.representatives.find((r) => r.id === repId);
    if (!repId)
      errors.push({ field: 'representativeId', message: 'Select the representative who agreed the plan' });
    else if (!chosen)
      errors.push({
        field: 'representativeId',
        message: `Select one of ${facts.personName}’s representatives`,
      });
    else if (!chosen.powers.includes(SIGN_POWER))
      errors.push({
        field: 'representativeId',
        message: `${chosen.name} does not have the power to sign ${facts.personName}’s plan`,
      });
    else if (isIsoDate(on) && !mayAgreeFor(chosen, on))
      errors.push({
        field: 'representativeId',
        message: `${chosen.name} was not ${facts.personName}’s representative on the date they agreed the plan`,
      });
  } else if (repId) {
    errors.push({
      field: 'representativeId',
      message: 'Only choose a representative when the plan was agreed through one',
    });
  }

  const witnessName = answers.witnessName.trim();
  const witnessRole = answers.witnessRole.trim();
  const witnessNeeded = isAgreementWay(way) && needsWitness(way);
  if (!witnessName && (witnessNeeded || witnessRole))
    errors.push({
      field: 'witnessName',
      message:
        way === 'advocate'
          ? 'Enter the name of the advocate who was there'
          : 'Enter the name of the person who saw them agree',
    });
  if (!witnessRole && (witnessNeeded || witnessName))
    errors.push({ field: 'witnessRole', message: 'Enter the witness’s role, for example social worker' });
  for (const [name, max] of Object.entries(TEXT_LIMITS)) {
    const value = answers[name as keyof typeof TEXT_LIMITS];
    if (value.length > max) errors.push({ field: name, message: `Use ${max} characters or fewer` });
  }
  return errors;
}

// ——— The scanned copy ———

export const SCAN_TYPES = {
  pdf: { mime: 'application/pdf', extension: 'pdf', label: 'PDF' },
  png: { mime: 'image/png', extension: 'png', label: 'PNG image' },
  jpeg: { mime: 'image/jpeg', extension: 'jpg', label: 'JPEG image' },
} as const;
export type ScanType = keyof typeof SCAN_TYPES;

export const MAX_SCAN_BYTES = 5 * 1024 * 1024;

const MAGIC: readonly { type: ScanType; bytes: readonly number[] }[] = [
  { type: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
];

/** What the file is, by its own first bytes; null for anything that is not a PDF, PNG or JPEG. */
export function sniffScanType(bytes: Uint8Array): ScanType | null {
  for (const { type, bytes: magic } of MAGIC) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** Problems with an uploaded scan (on the request's field `scan`); none means it can be kept. */
export function scanErrors(scan: { bytes: Uint8Array; truncated: boolean }): FieldError[] {
  if (scan.truncated || scan.bytes.length > MAX_SCAN_BYTES)
    return [{ field: 'scan', message: 'The scanned copy must be smaller than 5 MB' }];
  if (scan.bytes.length === 0) return [{ field: 'scan', message: 'The scanned copy is empty' }];
  if (!sniffScanType(scan.bytes))
    return [{ field: 'scan', message: 'The scanned copy must be a PDF, PNG or JPEG' }];
  return [];
}

/** A file's size in plain words: '812 bytes', '120 KB', '4.2 MB'. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// ——— How the plan says it was agreed ———

export interface RecordedAgreement {
  way: AgreementWay;
  agreedByName: string;
  agreedOn: IsoDate;
  witnessName: string | null;
  witnessRole: string | null;
  hasScan: boolean;
}

/**
 * One plain sentence (or three) saying how the plan was agreed, the same on the plan page,
 * the person's view and the printed plan: "Morag agreed this plan on paper on 3 November
 * 2026. Witnessed by Sam Lee, social worker. A scanned copy is kept."
 */
export function agreementSentence(agreement: RecordedAgreement, personName: string): string {
  const on = formatDate(agreement.agreedOn);
  const how: Record<AgreementWay, string> = {
    paper: `${agreement.agreedByName} agreed this plan on paper on ${on}.`,
    verbal: `${agreement.agreedByName} agreed this plan verbally on ${on}.`,
    advocate: `${agreement.agreedByName} agreed this plan with an independent advocate present on ${on}.`,
    representative: `${agreement.agreedByName} agreed this plan for ${personName}, as their representative, on ${on}.`,
  };
  const parts = [how[agreement.way]];
  if (agreement.witnessName)
    parts.push(
      `Witnessed by ${agreement.witnessName}${agreement.witnessRole ? `, ${agreement.witnessRole}` : ''}.`,
    );
  if (agreement.hasScan) parts.push('A scanned copy is kept.');
  return parts.join(' ');
}

/** A signature from an account, as the plan has always said it. */
export function signatureSentence(signature: { name?: string; on?: string } | null): string | null {
  if (!signature?.name) return null;
  return `Signed by ${signature.name}${signature.on && isIsoDate(signature.on) ? ` on ${formatDate(signature.on)}` : ''}.`;
}
