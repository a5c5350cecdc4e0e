import type { IsoDate } from '../../platform/dates.ts';
import { labelOf, SUPPORT_KINDS, SUPPORT_RESPONSES, SUPPORT_STAGES, supportOfferSentence } from './lists.ts';
import type { supportOffers } from './schema.ts';

/**
 * Advocacy and support offered at every step (issue 14 item 7). The eligibility, budget,
 * options and plan pages each ask, in one short inset (people/views/stage-support.njk), whether
 * independent advocacy or support was offered at their stage and what the person said, until a
 * row for that stage exists; then they show what was recorded instead of asking.
 *
 * The stages are codes of SUPPORT_STAGES, the same list the record's "support offered" form
 * uses, so an offer recorded there for 'budget' also answers the budget page's question.
 * The plan page's stage is 'planning' (the list's older name for it).
 */
export const ASKED_STAGES = ['eligibility', 'budget', 'options', 'planning'] as const;
export type AskedStage = (typeof ASKED_STAGES)[number];

/** Each asked stage's page under /people/:personId/, where the answer is recorded and shown. */
export const STAGE_PAGE_PATHS: Record<AskedStage, string> = {
  eligibility: 'eligibility',
  budget: 'budget',
  options: 'options',
  planning: 'plan',
};

export const isAskedStage = (stage: string): stage is AskedStage =>
  (ASKED_STAGES as readonly string[]).includes(stage);

/** The asked stages nobody has recorded an offer (or why there was none) for yet, in journey order. */
export function stagesStillToAsk(offers: readonly { stage: string }[]): AskedStage[] {
  const recorded = new Set(offers.map((o) => o.stage));
  return ASKED_STAGES.filter((stage) => !recorded.has(stage));
}

/** An offer as the stage page shows it: its sentence and its labels, never a stored code. */
export interface StageOffer {
  id: string;
  kindLabel: string;
  responseLabel: string;
  provider: string | null;
  reason: string | null;
  offeredOn: string;
  sentence: string;
}

/** What a stage page's inset needs: ask, or show what was recorded. */
export interface StageSupport {
  stage: AskedStage;
  stageLabel: string;
  /** Recorded offers for this stage, oldest first. */
  offers: StageOffer[];
  ask: boolean;
  /** Whether this viewer may record an answer (asked of the policy, never of the template). */
  mayRecord: boolean;
  /** The form's address, and today's date to start the date boxes with. */
  action: string;
  today: IsoDate;
}

type OfferRow = Pick<
  typeof supportOffers.$inferSelect,
  'id' | 'kind' | 'stage' | 'response' | 'provider' | 'reason' | 'offeredOn'
>;

/** The inset's content from the stage's rows (pure: the page's rows, the stage and today). */
export function stageSupportFrom(
  personId: string,
  stage: AskedStage,
  rows: readonly OfferRow[],
  today: IsoDate,
  mayRecord: boolean,
): StageSupport {
  const offers = rows
    .filter((r) => r.stage === stage)
    .map((r) => ({
      id: r.id,
      kindLabel: labelOf(SUPPORT_KINDS, r.kind),
      responseLabel: labelOf(SUPPORT_RESPONSES, r.response),
      provider: r.provider,
      reason: r.reason,
      offeredOn: r.offeredOn,
      sentence: supportOfferSentence(r.kind, r.stage, r.response, r.provider, r.reason),
    }));
  return {
    stage,
    stageLabel: labelOf(SUPPORT_STAGES, stage),
    offers,
    ask: offers.length === 0,
    mayRecord,
    action: `/people/${personId}/support-offers/stage`,
    today,
  };
}
