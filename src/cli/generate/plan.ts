import { type AssessedNeed, computeBudget } from '../../features/budgets/index.ts';
import type { CostLine } from '../../features/plans/index.ts';
import type { SupportPlanContent } from '../../features/plans/index.ts';
import type { AgeBand } from '../../platform/age-bands.ts';
import { addDays, compareDates, type IsoDate } from '../../platform/dates.ts';
import type { BulkLoader } from './bulk.ts';
import type { Council, StaffMember, Team } from './council.ts';
import type { Random } from './random.ts';
import { optionWeights, PROVIDER_FOR_UNIT, SUPPORT_UNITS } from './vocab.ts';

/** What the money generator needs from a person whose agreed plan has option 1 lines. */
export interface DirectPaymentCandidate {
  personId: string;
  planId: string;
  name: string;
  agreedOn: IsoDate;
  optionOneWeekly: number;
}

/** An eligible person with outcomes, as person.ts made them. */
export interface PlannedPerson {
  id: string;
  legalName: string;
  band: AgeBand;
  clientGroup: string;
  locality: string;
  status: string;
  team: Team;
  decider: StaffMember;
  decidedOn: IsoDate;
  outcomes: { id: string; words: string; view: string; unitCode: string; quantity: number }[];
}

const unitByCode = new Map(SUPPORT_UNITS.map((u) => [u.code, u]));
const minDate = (a: IsoDate, b: IsoDate) => (compareDates(a, b) <= 0 ? a : b);

/**
 * The budget (indicative, then agreed, computed by the budget rules from one costed need per
 * outcome), the plan versions with their cost lines, and the SDS option chosen per outcome.
 * Returns the person when their agreed plan has option 1 (direct payment) lines.
 */
export function generateBudgetAndPlan(
  loader: BulkLoader,
  random: Random,
  council: Council,
  person: PlannedPerson,
): DirectPaymentCandidate | null {
  const { authorityId, asOf } = council;
  const { id, legalName, band, clientGroup, locality, status, team, decider, decidedOn, outcomes } = person;
  const needs: AssessedNeed[] = outcomes.map((o) => ({
    outcomeRef: o.id,
    outcomeLabel: o.words.replace(/\.$/, ''),
    unitCode: o.unitCode,
    quantityPerWeek: o.quantity,
  }));
  const policy = council.budgetPolicy;
  const budget = computeBudget(policy.content, needs);
  const agreed = status === 'closed' || random.chance(0.88);
  const budgetRow = (version: number, kind: string, current: boolean, planId: string | null) => {
    const budgetId = random.uuid();
    loader.add('person_budgets', {
      authority_id: authorityId,
      id: budgetId,
      person_id: id,
      version,
      kind,
      status: current ? 'current' : 'superseded',
      weekly_amount: budget.weekly,
      annual_amount: budget.annual,
      one_off_total: 0,
      needs,
      explanation: { total: budget.total, lines: budget.lines, notes: budget.notes },
      policy_version_id: policy.id,
      reason: kind === 'agreed' ? 'Support plan agreed' : 'Indicative budget from the published policy',
      decided_by: kind === 'agreed' ? team.manager.id : decider.id,
      support_plan_id: planId,
      created_at: `${decidedOn}T12:00:00Z`,
    });
    loader.add('budget_funding_streams', {
      authority_id: authorityId,
      id: random.uuid(),
      budget_id: budgetId,
      stream: 'council_social_care',
      source: 'Council social care budget',
      weekly_amount: budget.weekly,
    });
  };

  // Each outcome is met through one SDS option; its cost line carries the need's cost.
  const choices = outcomes.map(
    () => Number(random.weighted(optionWeights(clientGroup, band))) as 1 | 2 | 3 | 4,
  );
  const costLines: CostLine[] = outcomes.map((o, i) => {
    const unit = unitByCode.get(o.unitCode)!;
    return {
      outcomeRef: o.id,
      description: `${unit.name[0]!.toUpperCase()}${unit.name.slice(1)}`,
      providerKind: PROVIDER_FOR_UNIT[o.unitCode] as CostLine['providerKind'],
      frequency: `${o.quantity} ${unit.unit}${o.quantity === 1 ? '' : 's'} a week`,
      weeklyCost: budget.lines[i]!.amount,
      fundingStream: 'council_social_care',
      sdsOption: choices[i]!,
    };
  });
  const content: SupportPlanContent = {
    aboutMe: `I live in ${locality}. ${outcomes[0]!.words}`,
    outcomes: outcomes.map((o) => ({
      ref: o.id,
      personWords: o.words,
      workerView: o.view,
      howMet: 'With the support in the cost lines below.',
    })),
    costLines,
    contingency: 'If my support does not turn up I will phone my sister, then the duty team.',
    risks: [],
    restrictions: [],
    nonNegotiables: [],
  };
  const planTotal = costLines.reduce((sum, line) => sum + line.weeklyCost, 0);
  const planOn = addDays(decidedOn, random.int(14, 90));
  const earlierVersion = agreed && random.chance(0.4);
  let version = 0;
  let planId = '';
  const planRow = (state: string, on: IsoDate) => {
    version += 1;
    planId = random.uuid();
    loader.add('support_plans', {
      authority_id: authorityId,
      id: planId,
      person_id: id,
      version,
      state,
      content,
      total_weekly: planTotal,
      agreed_budget_weekly: state === 'draft' ? null : budget.weekly,
      decided_by: state === 'draft' ? null : team.manager.id,
      decided_on: state === 'draft' ? null : on,
      created_by: decider.id,
      created_at: `${on}T09:00:00Z`,
    });
    for (const line of costLines)
      loader.add('support_plan_cost_lines', {
        authority_id: authorityId,
        id: random.uuid(),
        plan_id: planId,
        person_id: id,
        outcome_id: line.outcomeRef,
        description: line.description,
        provider_kind: line.providerKind,
        frequency: line.frequency,
        weekly_cost: line.weeklyCost,
        funding_stream: line.fundingStream,
        sds_option: line.sdsOption,
      });
  };
  if (earlierVersion) planRow('superseded', planOn);
  const latestOn = earlierVersion ? minDate(addDays(planOn, random.int(180, 720)), asOf) : planOn;
  planRow(agreed ? 'agreed' : 'draft', compareDates(latestOn, asOf) > 0 ? asOf : latestOn);
  budgetRow(1, 'indicative', !agreed, null);
  if (agreed) budgetRow(2, 'agreed', true, planId);
  for (const [i, o] of outcomes.entries())
    loader.add('sds_option_choices', {
      authority_id: authorityId,
      id: random.uuid(),
      person_id: id,
      outcome_id: o.id,
      version: 1,
      sds_option: choices[i],
      helped_by: random.pick(['Social worker', 'Independent support organisation', 'Family', 'Broker']),
      chosen_on: planOn,
      recorded_by: decider.id,
    });

  const optionOneWeekly = costLines
    .filter((l) => l.sdsOption === 1)
    .reduce((sum, l) => sum + l.weeklyCost, 0);
  if (!agreed || status === 'closed' || optionOneWeekly === 0) return null;
  return { personId: id, planId, name: legalName, agreedOn: planOn, optionOneWeekly };
}
