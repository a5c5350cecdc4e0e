import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import type { AuditAction } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  type AgreementInput,
  agreementForm,
  agreementScan,
  checkAgreement,
  readAgreement,
  recordAgreement,
  type ScanInput,
} from './plan/agreement.ts';
import {
  chooseOption,
  type OptionChoiceInput,
  optionsOverview,
  readConfiguration,
} from './options/service.ts';
import {
  draftOptionsSettings,
  type OptionsSettingsDraft,
  optionsSettingsCheck,
  optionsSettingsOverview,
  publishOptionsSettings,
} from './options/settings-service.ts';
import type { SupportPlanContent } from './plan/content.ts';
import { decide, type PlanDecision, startNewVersion } from './plan/decisions.ts';
import { planPdf } from './plan/pdf.ts';
import { compareVersions, editPlan, planLetterRecord, planOverview } from './plan/service.ts';

/**
 * The plans feature's services, bound to the database once (src/features/services.ts): the
 * SDS options (options/) and the support plan (plan/). Pages and the API call these.
 */
export const planServices = (db: Db, { dataDir }: { dataDir: string }) => ({
  /** What the council offers, and each outcome's chosen option with its history. */
  options: (access: PersonAccess) => optionsOverview(db, access),
  chooseOption: (access: PersonAccess, input: OptionChoiceInput) => chooseOption(db, access, input),
  optionsConfiguration: (access: CouncilAccess) => readConfiguration(db, access),
  /** The council's options settings, versioned: drafted, checked, published from a date. */
  optionsSettings: (access: CouncilAccess) => optionsSettingsOverview(db, access),
  draftOptionsSettings: (access: CouncilAccess, draft: OptionsSettingsDraft) =>
    draftOptionsSettings(db, access, draft),
  optionsSettingsCheck: (access: CouncilAccess, versionId: string) =>
    optionsSettingsCheck(db, access, versionId),
  publishOptionsSettings: (access: CouncilAccess, versionId: string) =>
    publishOptionsSettings(db, access, versionId),
  /** The current plan with its costs, budget check and versions. */
  overview: (access: PersonAccess) => planOverview(db, access),
  /** The plan and who it is from and to, for the printed plans (standard and Easy Read). */
  letterRecord: (access: PersonAccess) => planLetterRecord(db, access),
  edit: (
    access: PersonAccess,
    rowVersion: number | null,
    change: (content: SupportPlanContent) => SupportPlanContent,
    action: AuditAction,
  ) => editPlan(db, access, rowVersion, change, action),
  decide: (access: PersonAccess, rowVersion: number, decision: PlanDecision) =>
    decide(db, access, rowVersion, decision),
  startNewVersion: (access: PersonAccess, rowVersion: number) => startNewVersion(db, access, rowVersion),
  compareVersions: (access: PersonAccess, from?: number, to?: number) =>
    compareVersions(db, access, from, to),
  pdf: (access: PersonAccess) => planPdf(db, access),
  /** Agreement recorded for someone without an account (plan/agreement.ts); scans live under dataDir. */
  agreementForm: (access: PersonAccess) => agreementForm(db, access),
  checkAgreement: (access: PersonAccess, input: AgreementInput, scan: ScanInput) =>
    checkAgreement(db, dataDir, access, input, scan),
  recordAgreement: (access: PersonAccess, input: AgreementInput, scan: ScanInput) =>
    recordAgreement(db, dataDir, access, input, scan),
  agreement: (access: PersonAccess, version?: number) => readAgreement(db, access, version),
  agreementScan: (access: PersonAccess, version?: number) => agreementScan(db, dataDir, access, version),
});
