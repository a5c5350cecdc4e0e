import { stagesStillToAsk } from './support-stages.ts';
import { formatNhsNumber } from './identifiers.ts';
import {
  CASE_STATUS,
  COMMUNICATION_NEEDS,
  CONSENT_SCOPES,
  LEGAL_ORDER_KINDS,
  labelOf,
  REFERRAL_URGENCY,
  SUPPORT_KINDS,
  SUPPORT_RESPONSES,
  SUPPORT_STAGES,
} from './lists.ts';
import { isChangeable, isReplaced } from './representative-history.ts';
import { REPRESENTATIVE_KINDS, REPRESENTATIVE_POWERS } from './rules.ts';
import type { PersonRecord } from './service.ts';

/** Turning stored codes into words for pages. No decisions here, only labels and layout. */

export function formatChi(chi: string): string {
  return `${chi.slice(0, 6)} ${chi.slice(6)}`;
}

export function identifierLabel(p: { chiNumber: string | null; nhsNumber: string | null }): string {
  if (p.chiNumber) return `CHI ${formatChi(p.chiNumber)}`;
  if (p.nhsNumber) return `NHS ${formatNhsNumber(p.nhsNumber)}`;
  return 'None recorded';
}

const inForce = (from: string, to: string | null, withdrawn: string | null, today: string) =>
  from <= today && (!to || to >= today) && (!withdrawn || withdrawn > today);

export function summaryView(record: PersonRecord) {
  const p = record.person;
  const { today } = record;
  return {
    record,
    p,
    identifiers: {
      chi: p.chiNumber ? formatChi(p.chiNumber) : null,
      nhs: p.nhsNumber ? formatNhsNumber(p.nhsNumber) : null,
    },
    statusLabel: labelOf(CASE_STATUS, p.status),
    urgencyLabel: labelOf(REFERRAL_URGENCY, p.referralUrgency),
    communication: p.communicationNeeds.map((c) =>
      c === 'other' && p.communicationOther ? p.communicationOther : labelOf(COMMUNICATION_NEEDS, c),
    ),
    address: [p.addressLine1, p.addressLine2, p.town, p.postcode].filter(Boolean),
    circle: record.circle.map((m) => ({
      ...m,
      scope: m.maySee.map((s) => labelOf(CONSENT_SCOPES, s)),
      current: inForce(m.consentFrom, m.consentTo, m.consentWithdrawnOn, today),
    })),
    representatives: record.representatives.map((r) => ({
      ...r,
      kindLabel: labelOf(REPRESENTATIVE_KINDS, r.kind),
      powerLabels: r.powers.map((x) => labelOf(REPRESENTATIVE_POWERS, x)),
      current: inForce(r.startDate, r.endDate, null, today),
      replaced: isReplaced(r, record.representatives),
      changeable: isChangeable(r, record.representatives, today),
    })),
    supportOffers: record.supportOffers.map((o) => ({
      ...o,
      kindLabel: labelOf(SUPPORT_KINDS, o.kind),
      stageLabel: labelOf(SUPPORT_STAGES, o.stage),
      responseLabel: labelOf(SUPPORT_RESPONSES, o.response),
    })),
    /** The stages whose page still asks whether advocacy or support was offered. */
    supportStillToAsk: stagesStillToAsk(record.supportOffers).map((stage) => labelOf(SUPPORT_STAGES, stage)),
    legalOrders: record.legalOrders.map((o) => ({
      ...o,
      kindLabel: labelOf(LEGAL_ORDER_KINDS, o.kind),
      current: inForce(o.startDate, o.endDate, null, today),
    })),
  };
}
