import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import type { DemoContext, DemoSeeder } from '../../platform/db/seeding.ts';
import { rows } from '../../platform/db/transaction.ts';
import { addAgreedBudgetVersion, currentBudget } from '../budgets/index.ts';
import { DEMO_DAYS_AGO } from '../people/index.ts';
import { listCurrentOutcomes, type OutcomeSummary } from '../conversations/index.ts';
import type { PlanOutcome, SupportPlanContent } from './plan/content.ts';
import { type CostLine, fundingStreamTotals, planTotals } from './plan/costs.ts';
import type { SdsOption } from './options/rules.ts';
import type { AgreementWay } from './plan/agreement-rules.ts';
import {
  insertAgreement,
  insertOptionChoice,
  insertPlanVersion,
  updatePlanIfUnchanged,
  userNames,
} from './plan/store.ts';
import { sdsOptionsVersions, supportPlanCostLines, supportPlans } from './schema.ts';

/**
 * Demo support plans: Morag's agreed plan mixes a direct payment (option 1) with an
 * individual service fund (option 2); Callum's plan is shared with his mother to sign;
 * Nessie's agreed plan is arranged by the council (option 3); anyone else the people seed
 * made gets an agreed plan too, so all four options appear across the council. Uses the
 * person's recorded outcomes when there are any, otherwise outcomes written into the plan.
 */
export const seedDemoPlans: DemoSeeder = async (tx, context) => {
  const today = todayInLondon();
  const morag = context.shared.demoPersonId as string | undefined;
  const callum = context.shared.demoChildId as string | undefined;
  const nessie = context.shared.demoOlderPersonId as string | undefined;
  const england = context.nation === 'england';
  if (england) {
    // The borough runs every route but a trust; direct payment and council-managed are always on.
    await tx.insert(sdsOptionsVersions).values({
      authorityId: context.authorityId,
      versionLabel: 'Ways of getting support 2025/26',
      effectiveFrom: '2025-04-01',
      routesEnabled: [...DEMO_ENGLISH_ROUTES],
      supportOrganisationFunded: true,
      createdBy: context.users.admin!,
      publishedBy: context.users.admin!,
      publishedAt: new Date(),
    });
  }
  if (morag) await seedPlan(tx, context, morag, england ? RACHEL : MORAG, 'agreed', today);
  if (callum) await seedPlan(tx, context, callum, CALLUM, 'shared', today);
  if (nessie) await seedPlan(tx, context, nessie, NESSIE, 'agreed', today);
  const named = new Set([morag, callum, nessie]);
  const others = await rows<{ id: string; name: string }>(
    tx,
    sql`select id, coalesce(preferred_name, legal_name) as name from people
        where authority_id = ${context.authorityId} order by created_at, id`,
  );
  // A plan is agreed against a budget worked out from the published rates, so only people
  // with one (the eligible) get a plan; two in three of them, cycling through the options.
  const costed = new Set(
    (
      await rows<{ id: string }>(
        tx,
        sql`select distinct person_id as id from person_budgets
            where authority_id = ${context.authorityId} and status = 'current' and jsonb_array_length(needs) > 0`,
      )
    ).map((b) => b.id),
  );
  const rest = others.filter((p) => !named.has(p.id) && costed.has(p.id)).filter((_, i) => i % 3 !== 2);
  for (const [i, person] of rest.entries()) {
    // The third pattern is under a Scottish court order: the borough's people have the first two.
    const patterns = england ? OTHERS.slice(0, 2) : OTHERS;
    const pattern = patterns[i % patterns.length]!;
    await seedPlan(tx, context, person.id, pattern(person.name), 'agreed', today);
  }
};

import {
  CALLUM,
  DEMO_ENGLISH_ROUTES,
  ENGLISH_ROUTE_FOR_OPTION,
  MORAG,
  NESSIE,
  OTHERS,
  RACHEL,
  supportForArea,
} from './seed-data.ts';

export interface DemoOutcome {
  words: string;
  howMet: string;
  flexibility: string;
  option: SdsOption;
  helpedBy: string;
  lines: Omit<CostLine, 'outcomeRef'>[];
}
export interface DemoPlan {
  aboutMe: string;
  /** Unpaid help counted against the first outcome, so it is seen and valued. */
  unpaid?: { description: string; frequency: string };
  signedBy?: string;
  /** Agreed without an account (plan/agreement-rules.ts): recorded by the worker, not signed. */
  recordedAgreement?: {
    way: AgreementWay;
    witnessName: string;
    witnessRole: string;
    notes: string;
  };
  contingency: string;
  outcomes: DemoOutcome[];
  risks: SupportPlanContent['risks'];
  restrictions?: (today: string) => SupportPlanContent['restrictions'];
  nonNegotiables?: SupportPlanContent['nonNegotiables'];
  /** Lines the demo provider account gives: it sees these, and no other, in its view of the person. */
  demoProviderGives?: (line: Omit<CostLine, 'outcomeRef'>) => boolean;
}

async function seedPlan(
  tx: Tx,
  context: DemoContext,
  personId: string,
  demo: DemoPlan,
  finalState: 'agreed' | 'shared',
  today: string,
) {
  const recorded = await listCurrentOutcomes(tx, personId);
  // The person's recorded outcomes come first, each met by support that suits its area;
  // without recorded outcomes, the demo's own outcomes are written into the plan.
  const outcomes: (PlanOutcome & { demo: DemoOutcome; recorded?: OutcomeSummary })[] = recorded.length
    ? recorded.map((r, i) => {
        const option = demo.outcomes[Math.min(i, demo.outcomes.length - 1)]!.option;
        const d = supportForArea(
          r.area,
          option,
          i === 0 ? demo.unpaid : undefined,
          demo.outcomes[i]?.helpedBy,
        );
        return {
          ref: r.id,
          personWords: r.personWords,
          workerView: r.professionalView ?? '',
          howMet: d.howMet,
          flexibility: d.flexibility,
          demo: d,
          recorded: r,
        };
      })
    : demo.outcomes.map((d, i) => ({
        ref: `O${i + 1}`,
        personWords: d.words,
        workerView: '',
        howMet: d.howMet,
        flexibility: d.flexibility,
        demo: d,
      }));
  const content: SupportPlanContent = {
    aboutMe: demo.aboutMe,
    outcomes: outcomes.map(({ demo: _d, recorded: _r, ...o }) => o),
    costLines: outcomes.flatMap((o) =>
      o.demo.lines.map((l) => ({
        ...l,
        outcomeRef: o.ref,
        ...(demo.demoProviderGives?.(l) && context.users.provider
          ? { deliveredBy: context.users.provider }
          : {}),
      })),
    ),
    contingency: demo.contingency,
    risks: demo.risks,
    restrictions: demo.restrictions?.(today) ?? [],
    nonNegotiables: demo.nonNegotiables ?? [],
  };
  const worker = context.users.worker!;
  const manager = context.users.manager!;
  for (const o of outcomes) {
    if (!o.recorded) continue;
    await insertOptionChoice(tx, {
      authorityId: context.authorityId,
      personId,
      outcomeId: o.recorded.id,
      sdsOption: o.demo.option,
      // England records how the money is deployed; Scotland's options are the choice itself.
      deploymentRoute: context.nation === 'england' ? ENGLISH_ROUTE_FOR_OPTION[o.demo.option] : null,
      helpedBy: o.demo.helpedBy,
      chosenOn: addDays(today, -DEMO_DAYS_AGO.optionsChosen),
      recordedBy: worker,
    });
  }
  const budget = await currentBudget(tx, personId);
  const plan = await insertPlanVersion(tx, {
    authorityId: context.authorityId,
    personId,
    version: 1,
    round: 1,
    content,
    agreedBudgetWeekly: budget?.weeklyAmount ?? null,
    createdBy: worker,
    outcomeIds: new Set(recorded.map((r) => r.id)),
  });
  if (finalState === 'shared') {
    await updatePlanIfUnchanged(tx, plan.id, plan.rowVersion, { state: 'shared' });
    return;
  }
  const total = planTotals(content.costLines).weekly.total;
  const decidedOn = addDays(today, -DEMO_DAYS_AGO.planAgreed);
  const overBudget = budget !== null && total > budget.weeklyAmount;
  const agreed = await updatePlanIfUnchanged(tx, plan.id, plan.rowVersion, {
    state: 'agreed',
    overBudgetException: overBudget
      ? 'Panel agreed the extra cost while the new support settles in; to be reviewed in three months.'
      : null,
    signature: {
      role: 'person',
      name: demo.signedBy ?? 'the person',
      on: addDays(today, -DEMO_DAYS_AGO.planSigned),
      ...(demo.recordedAgreement ? { way: demo.recordedAgreement.way, relationship: 'recorded' } : {}),
    },
    decidedBy: manager,
    decidedOn,
    agreedBudgetWeekly: budget?.weeklyAmount ?? total,
  });
  if (demo.recordedAgreement) {
    await insertAgreement(tx, {
      authorityId: context.authorityId,
      planId: plan.id,
      personId,
      planVersion: 1,
      way: demo.recordedAgreement.way,
      agreedByName: demo.signedBy ?? 'the person',
      agreedOn: addDays(today, -DEMO_DAYS_AGO.planSigned),
      witnessName: demo.recordedAgreement.witnessName,
      witnessRole: demo.recordedAgreement.witnessRole,
      notes: demo.recordedAgreement.notes,
      recordedBy: worker,
    });
  }
  const source = 'Support plan version 1';
  const totals = planTotals(content.costLines, source, content.outcomes);
  // The same agreed budget a manager's agreement writes: the costed needs, line by line.
  await addAgreedBudgetVersion(tx, {
    authorityId: context.authorityId,
    personId,
    basis: budget,
    planWeekly: total,
    planExplanation: totals.weekly,
    planFundingStreams: fundingStreamTotals(content.costLines),
    overBudget: agreed!.overBudgetException
      ? {
          reason: agreed!.overBudgetException,
          agreedBy: (await userNames(tx, [manager])).get(manager) ?? 'the team manager',
        }
      : undefined,
    reason: `${source} agreed`,
    decidedBy: manager,
    supportPlanId: agreed!.id,
  });
}

/**
 * Only while the plans seed is not registered (no plan at all for the person): a minimal
 * agreed plan with option 1 lines, so the demo still shows a direct payment. Called by the
 * charging seed, which runs before payments, so the assessment sees the same services.
 */
export async function ensureDemoPlan(tx: Tx, context: DemoContext, personId: string) {
  const existing = await tx
    .select({ id: supportPlans.id })
    .from(supportPlans)
    .where(eq(supportPlans.personId, personId));
  if (existing.length) return [];
  const [plan] = await tx
    .insert(supportPlans)
    .values({
      authorityId: context.authorityId,
      personId,
      version: 1,
      state: 'agreed',
      content: {
        aboutMe: 'I live in my own flat and like to get out to the shops and the library.',
        outcomes: [],
        costLines: [],
        contingency: 'My sister can help if my personal assistant is off sick.',
        risks: [],
        restrictions: [],
        nonNegotiables: [],
      } as never,
      totalWeekly: 48_000,
      agreedBudgetWeekly: 48_000,
      decidedBy: context.users.manager!,
      decidedOn: addDays(todayInLondon(), -DEMO_DAYS_AGO.planAgreed),
      createdBy: context.users.worker!,
    })
    .returning();
  return tx
    .insert(supportPlanCostLines)
    .values([
      {
        authorityId: context.authorityId,
        planId: plan!.id,
        personId,
        description: 'Personal assistant: personal care, 16 hours a week',
        providerKind: 'personal_assistant',
        frequency: 'weekly',
        weeklyCost: 36_000,
        fundingStream: 'council_social_care',
        sdsOption: 1,
      },
      {
        authorityId: context.authorityId,
        planId: plan!.id,
        personId,
        description: 'Personal assistant: going out and about, 5 hours a week',
        providerKind: 'personal_assistant',
        frequency: 'weekly',
        weeklyCost: 12_000,
        fundingStream: 'council_social_care',
        sdsOption: 1,
      },
    ])
    .returning();
}
