import type { Config } from '../../config.ts';
import type { CouncilAccess, PersonAccess } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/client.ts';
import { type AgreementChangeInput, changeAgreement, previewAgreementChange } from './agreements/changes.ts';
import { type AgreementInput, createAgreement, previewAgreement } from './agreements/service.ts';
import { bankKeys } from './bank/crypto.ts';
import { bankFile, remittances } from './bank/service.ts';
import { type ManualTransfer, ledgerBalances, postAdjustment, reverseTransfer } from './ledger/service.ts';
import { personPayments, statement } from './person/service.ts';
import {
  draftSettings,
  type PaymentSettingsDraft,
  publishSettings,
  settingsCheck,
  settingsOverview,
} from './policy/service.ts';
import { giveView, type ReturnFigures, readReview, submitReturns } from './returns/service.ts';
import { approveAndPost, createRun, listRuns, type PostOptions, runDetail } from './runs/service.ts';
import { decideSurplus } from './surplus/service.ts';

/**
 * The payments feature's services, bound to the database (and the key bank details are sealed
 * with) once, in src/features/services.ts. Pages and the API call these; each is the
 * sub-folder's service as it was (a payment run still commits batch by batch).
 */
export const paymentServices = (db: Db, config: Config) => {
  const keys = bankKeys(config);
  return {
    // One person's direct payment (person/, agreements/, returns/, surplus/).
    forPerson: (access: PersonAccess) => personPayments(db, access),
    statement: (access: PersonAccess) => statement(db, access),
    previewAgreement: (access: PersonAccess, input: AgreementInput) => previewAgreement(db, access, input),
    createAgreement: (access: PersonAccess, input: AgreementInput) =>
      createAgreement(db, access, keys, input),
    previewChange: (access: PersonAccess, input: AgreementChangeInput) =>
      previewAgreementChange(db, access, input),
    changeAgreement: (access: PersonAccess, input: AgreementChangeInput) =>
      changeAgreement(db, access, input),
    submitReturns: (access: PersonAccess, figures: ReturnFigures[], source: 'page' | 'csv' | 'api') =>
      submitReturns(db, access, figures, source),
    surplusReview: (access: PersonAccess, reviewId: string) => readReview(db, access, reviewId),
    giveView: (access: PersonAccess, reviewId: string, view: string) => giveView(db, access, reviewId, view),
    decideSurplus: (access: PersonAccess, reviewId: string, input: { decision: string; reason: string }) =>
      decideSurplus(db, access, reviewId, input),
    // Payment runs and what they send to the bank (runs/, bank/).
    runs: (access: CouncilAccess) => listRuns(db, access),
    createRun: (access: CouncilAccess, runDate: string) => createRun(db, access, runDate),
    runDetail: (access: CouncilAccess, runId: string) => runDetail(db, access, runId),
    approveAndPost: (access: CouncilAccess, runId: string, options?: PostOptions) =>
      approveAndPost(db, access, runId, options),
    bankFile: (access: CouncilAccess, runId: string, format: 'csv' | 'bacs') =>
      bankFile(db, access, keys, runId, format),
    remittances: (access: CouncilAccess, runId: string) => remittances(db, access, runId),
    // The council's direct-payment settings, versioned (policy/).
    settings: (access: CouncilAccess) => settingsOverview(db, access),
    draftSettings: (access: CouncilAccess, draft: PaymentSettingsDraft) => draftSettings(db, access, draft),
    settingsCheck: (access: CouncilAccess, versionId: string) => settingsCheck(db, access, versionId),
    publishSettings: (access: CouncilAccess, versionId: string) => publishSettings(db, access, versionId),
    // The ledger (ledger/).
    postAdjustment: (access: CouncilAccess, input: ManualTransfer) => postAdjustment(db, access, input),
    reverseTransfer: (
      access: CouncilAccess,
      transferId: string,
      input: { idempotencyKey: string; reason: string },
    ) => reverseTransfer(db, access, transferId, input),
    ledgerBalances: (access: CouncilAccess) => ledgerBalances(db, access),
  };
};
