import type { PersonAccess } from '../../../platform/auth/access.ts';
import { type AuditAction, audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { withAboutMe } from './about-me.ts';
import { emptyPlanContent, type SupportPlanContent } from './content.ts';
import { letterAddressing, providersOf, providersWorkingWith, stageSupport } from '../../people/index.ts';
import { councilStreams, streamLabel } from '../../council-settings/index.ts';
import { checkAgainstBudget, deliveredByErrors, planTotals } from './costs.ts';
import { directPaymentNeeds } from './direct-payment.ts';
import { diffPlanVersions } from './diff.ts';
import { transition } from './rules.ts';
import {
  lifecycleActor,
  loadPlanContext,
  outcomesForPlan,
  planWords,
  refused,
  requirePlan,
  staleWrite,
  toMachine,
  withNewOutcomes,
} from './context.ts';
import { validateForSave } from './save-rules.ts';
import { present } from './agreement.ts';
import { signatureSentence } from './agreement-rules.ts';
import {
  agreementsForPerson,
  authorityName,
  insertPlanVersion,
  optionChoices,
  type PlanRow,
  personName,
  planVersion,
  planVersions,
  updatePlanIfUnchanged,
  userNames,
} from './store.ts';

/** Everything the plan page, the API and the printed plan show. */
export async function planOverview(db: Db, access: PersonAccess) {
  return audited(db, access, 'plan.read', (tx) => loadPlanOverview(tx, access));
}

/** The printed plan: the overview and who the plan is from and to, in one audited read. */
export async function planLetterRecord(db: Db, access: PersonAccess) {
  return audited(db, access, 'plan.read', async (tx) => ({
    view: await loadPlanOverview(tx, access),
    addressing: await letterAddressing(tx, access.personId),
  }));
}

export type PlanOverview = Awaited<ReturnType<typeof loadPlanOverview>>;

async function loadPlanOverview(tx: Tx, access: PersonAccess) {
  const context = await loadPlanContext(tx, access);
  const versions = await planVersions(tx, access.personId);
  const choices = await optionChoices(tx, access.personId);
  const agreements = await agreementsForPerson(tx, access.personId);
  const names = await userNames(tx, [
    ...versions.flatMap((v) => [v.createdBy ?? '', v.decidedBy ?? '']),
    ...[...agreements.values()].map((a) => a.recordedBy),
  ]);
  const name = await personName(tx, access.personId);
  // How each version was agreed by the person: a recorded agreement, or a signature from an account.
  const agreed = (v: PlanRow) => {
    const recorded = agreements.get(v.id);
    return recorded ? present(recorded, name, names.get(recorded.recordedBy) ?? '') : null;
  };
  const howAgreed = (v: PlanRow) =>
    agreed(v)?.sentence ?? signatureSentence(v.signature as { name?: string; on?: string } | null);
  const plan = context.plan;
  const deliveredBy = await userNames(tx, plan?.content.costLines.map((l) => l.deliveredBy ?? '') ?? []);
  const open = plan && plan.state !== 'agreed' && plan.state !== 'submitted';
  const content = plan
    ? open
      ? withAboutMe(withNewOutcomes(plan.content, context.outcomes), context.aboutMeStarter)
      : plan.content
    : withAboutMe(
        { ...emptyPlanContent(), outcomes: outcomesForPlan(context.outcomes) },
        context.aboutMeStarter,
      );
  // Shown until someone saves the plan: the words are the conversation's, not yet the plan's.
  const aboutMeFromConversation = (!plan || open) && plan?.content.aboutMe === undefined && !!content.aboutMe;
  const source = plan ? `Support plan version ${plan.version}` : 'This support plan';
  const streams = await councilStreams(tx);
  const label = (code: string) => streamLabel(code, streams);
  const totals = planTotals(content.costLines, source, content.outcomes, label);
  const latestChoice = new Map<string, number>();
  for (const c of choices) if (!latestChoice.has(c.outcomeId)) latestChoice.set(c.outcomeId, c.sdsOption);
  return {
    personName: name,
    /** How the person agreed the current version, in one plain sentence; null until they have. */
    howAgreed: plan ? howAgreed(plan) : null,
    agreement: plan ? agreed(plan) : null,
    councilName: await authorityName(tx, access.authorityId),
    /** The council's funding streams, retired ones too: labels for every line, the choices for a new one. */
    councilFundingStreams: streams,
    stageSupport: await stageSupport(tx, access, 'planning'),
    plan,
    content,
    aboutMeFromConversation,
    /** Whose words each outcome holds, by ref: the person's own are shown apart from others'. */
    outcomeWords: planWords(content.outcomes, context.outcomes),
    totals,
    budget: context.budget
      ? { weekly: context.budget.weeklyAmount, kind: context.budget.kind, version: context.budget.version }
      : null,
    // One budget figure on the page: the current budget (for an agreed plan, the agreed budget
    // its agreement wrote, which already includes any amount agreed over budget).
    budgetCheck: checkAgainstBudget(totals.weekly.total, context.budgetWeekly),
    offer: context.offer,
    optionByOutcome: Object.fromEntries(latestChoice),
    /** Who a new cost line may say gives it; and the name of each account a line names. */
    providers: await providersWorkingWith(tx, access.personId),
    providerNames: Object.fromEntries(deliveredBy),
    directPayment:
      plan?.state === 'agreed' ? directPaymentNeeds(plan.content.costLines, source, label) : null,
    versions: versions.map((v) => ({
      version: v.version,
      round: v.round,
      state: v.state,
      createdAt: v.createdAt,
      createdBy: names.get(v.createdBy ?? '') ?? '',
      signature: v.signature as { name?: string; on?: string; role?: string } | null,
      howAgreed: howAgreed(v),
      decidedBy: names.get(v.decidedBy ?? '') ?? '',
      decidedOn: v.decidedOn,
      returnReasons: v.returnReasons ?? [],
      overBudgetException: v.overBudgetException,
      totalWeekly: v.totalWeekly,
    })),
  };
}

/**
 * Saves a change to the plan as a new version. The version it started from must still be
 * the current one (row_version), is kept as it was, and is marked as replaced; the
 * lifecycle decides the new state (an edit after sharing clears the signature).
 */
export async function editPlan(
  db: Db,
  access: PersonAccess,
  rowVersion: number | null,
  change: (content: SupportPlanContent) => SupportPlanContent,
  action: AuditAction,
): Promise<PlanRow> {
  return audited(
    db,
    access,
    action,
    async (tx) => {
      const context = await loadPlanContext(tx, access);
      const base = context.plan;
      const start = withAboutMe(
        base
          ? withNewOutcomes(structuredClone(base.content), context.outcomes)
          : { ...emptyPlanContent(), outcomes: outcomesForPlan(context.outcomes) },
        context.aboutMeStarter,
      );
      if (base && base.rowVersion !== rowVersion) staleWrite();
      const content = change(start);
      const providers = await providersOf(tx, access.personId);
      for (const line of base?.content.costLines ?? []) if (line.deliveredBy) providers.add(line.deliveredBy);
      const errors = [
        ...validateForSave(content, context.offer.options, {
          streams: await councilStreams(tx),
          keptLines: base?.content.costLines ?? [],
        }),
        ...deliveredByErrors(content.costLines, providers),
      ];
      if (errors.length) throw Problem.invalid(errors);
      let round = 1;
      if (base) {
        const result = transition(toMachine(base, context.budgetWeekly), {
          type: 'edit',
          actor: lifecycleActor(access),
          content,
        });
        if (!result.ok) refused(result.error);
        round = result.plan.round;
        if (!(await updatePlanIfUnchanged(tx, base.id, base.rowVersion, { state: 'superseded' })))
          staleWrite();
      }
      return insertPlanVersion(tx, {
        authorityId: access.authorityId,
        personId: access.personId,
        version: (base?.version ?? 0) + 1,
        round,
        content,
        agreedBudgetWeekly: context.budget?.weeklyAmount ?? null,
        createdBy: access.actor.userId,
        outcomeIds: new Set(context.outcomes.map((o) => o.id)),
      });
    },
    { rowVersion },
  );
}

/** The person's own sections: what they write, merged onto the plan without touching the rest. */
export interface PersonPart {
  aboutMe?: string;
  contingency?: string;
  outcomes?: { ref: string; howMet?: string; flexibility?: string }[];
  addRisk?: { description: string; personView: string };
}

export function applyPersonPart(content: SupportPlanContent, part: PersonPart): SupportPlanContent {
  const next = structuredClone(content);
  if (part.aboutMe !== undefined) next.aboutMe = part.aboutMe.trim();
  if (part.contingency !== undefined) next.contingency = part.contingency.trim();
  for (const given of part.outcomes ?? []) {
    const outcome = next.outcomes.find((o) => o.ref === given.ref);
    if (!outcome)
      throw Problem.invalid([{ field: 'outcomes', message: 'One of the outcomes is not in this plan' }]);
    if (given.howMet !== undefined) outcome.howMet = given.howMet.trim();
    if (given.flexibility !== undefined) outcome.flexibility = given.flexibility.trim();
  }
  if (part.addRisk) {
    const description = part.addRisk.description.trim();
    if (!description)
      throw Problem.invalid([{ field: 'description', message: 'Describe the risk you choose to take' }]);
    next.risks.push({
      description,
      personView: part.addRisk.personView.trim(),
      howEnabled: '',
      whatAgreed: '',
    });
  }
  return next;
}

/** Two versions side by side: what changed, in plain words. */
export async function compareVersions(db: Db, access: PersonAccess, from?: number, to?: number) {
  return audited(db, access, 'plan.read', async (tx) => {
    const versions = await planVersions(tx, access.personId);
    const latest = requirePlan(versions[0] ?? null);
    const toVersion = to ?? latest.version;
    const fromVersion = from ?? toVersion - 1;
    const a = await planVersion(tx, access.personId, fromVersion);
    const b = await planVersion(tx, access.personId, toVersion);
    if (!a || !b) throw Problem.notFound('Plan version');
    return {
      personName: await personName(tx, access.personId),
      from: a,
      to: b,
      versions: versions.map((v) => v.version),
      changes: diffPlanVersions(a.content, b.content),
    };
  });
}
