import { asc, eq } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.ts';
import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { DEMO_DAYS_AGO, people } from '../people/index.ts';
import { decideEligibility, type EligibilityPolicy, type ScotlandAssessment } from './rules.ts';
import { eligibilityDecisions, eligibilityPolicyVersions } from './schema.ts';

export const DEMO_ELIGIBILITY_POLICY: EligibilityPolicy = {
  framework: 'scotland',
  versionLabel: 'Eligibility criteria 2026/27',
  fundedBands: ['critical', 'substantial'],
  reviewRoute:
    'If you think this decision is wrong, tell your social worker or phone the social work office within 28 days. A senior social worker who was not part of the decision will look at it again. You can bring a friend, family member or advocate.',
};

export const DEMO_SIGNPOSTING = {
  text: 'There is support near you that does not need a council budget: community groups, lunch clubs, befriending, carers centres and advice on money. Your social worker can help you contact them.',
  links: [
    { text: 'ALISS – find local support in Scotland', href: 'https://www.aliss.org' },
    { text: 'Citizens Advice Scotland', href: 'https://www.cas.org.uk' },
    { text: 'Carers Trust Scotland – find a carers centre', href: 'https://carers.org/scotland' },
  ],
};

/** Realistic evidence for each demo assessment, in the person's and worker's words. */
/** The demo decisions' assessments, in turn (the Easy Read tests read them too). */
export const ASSESSMENTS: ScotlandAssessment[] = [
  {
    framework: 'scotland',
    areas: {
      autonomy: { band: 'moderate', evidence: 'Needs help to arrange things but makes her own choices.' },
      health_safety: { band: 'substantial', evidence: 'Two falls getting out of the shower since March.' },
      daily_routines: {
        band: 'substantial',
        evidence: 'Cannot wash or dress without help on most mornings.',
      },
      community: { band: 'moderate', evidence: 'Has stopped going to her swimming group.' },
    },
  },
  {
    framework: 'scotland',
    areas: {
      autonomy: { band: 'substantial', evidence: 'Needs support to make and carry out everyday decisions.' },
      health_safety: { band: 'critical', evidence: 'Goes out at night without knowing the way home.' },
      daily_routines: {
        band: 'substantial',
        evidence: 'Needs prompting with meals, medication and washing.',
      },
      community: { band: 'substantial', evidence: 'Has no contact with friends since leaving school.' },
    },
  },
  {
    framework: 'scotland',
    areas: {
      autonomy: { band: 'low', evidence: 'Manages her own affairs with her son’s help.' },
      health_safety: { band: 'substantial', evidence: 'Not eating regular meals; lost weight this winter.' },
      daily_routines: { band: 'substantial', evidence: 'Cannot manage stairs or the bath alone.' },
      community: { band: 'moderate', evidence: 'Lonely since her husband died.' },
    },
  },
  {
    framework: 'scotland',
    areas: {
      autonomy: { band: 'none', evidence: '' },
      health_safety: { band: 'low', evidence: 'Occasional dizziness, managed by the GP.' },
      daily_routines: { band: 'moderate', evidence: 'Finds heavy housework hard.' },
      community: { band: 'low', evidence: 'Would like to get out more.' },
    },
  },
];

/**
 * The council's eligibility policy (critical and substantial funded) and a decision for
 * every demo person: most eligible, every fourth one not, with signposting. Set-based:
 * the people are read once and the decisions written in one insert.
 */
export const seedDemoEligibility: DemoSeeder = async (tx, context) => {
  const { authorityId } = context;
  const [policy] = await tx
    .insert(eligibilityPolicyVersions)
    .values({
      authorityId,
      framework: 'scotland',
      versionLabel: DEMO_ELIGIBILITY_POLICY.versionLabel,
      effectiveFrom: '2026-04-01',
      content: DEMO_ELIGIBILITY_POLICY,
      signposting: DEMO_SIGNPOSTING,
      publishedBy: context.users.admin ?? null,
    })
    .returning();
  const [worker] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.id, context.users.worker!));
  const everyone = await tx
    .select({ id: people.id })
    .from(people)
    .where(eq(people.authorityId, authorityId))
    .orderBy(asc(people.createdAt), asc(people.legalName));
  if (everyone.length === 0) return;
  await tx.insert(eligibilityDecisions).values(
    everyone.map((person, i) => {
      const assessment = ASSESSMENTS[i % 4 === 3 ? 3 : i % 3]!;
      const decision = decideEligibility(DEMO_ELIGIBILITY_POLICY, assessment);
      return {
        authorityId,
        personId: person.id,
        policyVersionId: policy!.id,
        policyVersionLabel: DEMO_ELIGIBILITY_POLICY.versionLabel,
        assessment,
        eligible: decision.eligible,
        result: decision.result,
        reasons: decision.reasons,
        reviewRoute: decision.reviewRoute,
        signposting: decision.eligible ? null : DEMO_SIGNPOSTING,
        decidedBy: worker!.id,
        decidedByName: worker!.name,
        decidedOn: addDays(todayInLondon(), -DEMO_DAYS_AGO.eligibilityDecided),
      };
    }),
  );
};
