import { asc, eq } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.ts';
import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { DEMO_DAYS_AGO, people } from '../people/index.ts';
import {
  decideEligibility,
  type EligibilityAssessment,
  type EligibilityPolicy,
  type EnglandAssessment,
  type ScotlandAssessment,
} from './rules.ts';
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

/** The English demo council's policy: the national eligibility threshold (Care Act 2014 s.13). */
export const DEMO_ENGLISH_ELIGIBILITY_POLICY: EligibilityPolicy = {
  framework: 'england',
  versionLabel: 'Care Act eligibility 2026/27',
  reviewRoute:
    'If you think this decision is wrong, tell your social worker or phone adult social care within 28 days. A senior practitioner who was not part of the decision will look at it again. You can bring a friend, family member or advocate, and we will arrange an independent advocate if you would have substantial difficulty taking part.',
};

export const DEMO_ENGLISH_SIGNPOSTING = {
  text: 'There is support near you that does not need a council budget: community groups, lunch clubs, befriending, carers’ services and advice on money. Your social worker can help you contact them.',
  links: [
    { text: 'Age UK – information and advice', href: 'https://www.ageuk.org.uk' },
    { text: 'Citizens Advice', href: 'https://www.citizensadvice.org.uk' },
    { text: 'Carers UK', href: 'https://www.carersuk.org' },
  ],
};

/**
 * The borough's Care Act assessments, one per demo person in turn (DEMO_ENGLISH_PEOPLE): the
 * outcomes they cannot achieve and why, and the impact on their wellbeing. The last is not
 * eligible: only one outcome is affected (reg. 2(1)(b) needs two).
 */
export const ENGLISH_ASSESSMENTS: EnglandAssessment[] = [
  {
    framework: 'england',
    impairment: { met: true, evidence: 'Spinal cord injury (T6), uses a powered wheelchair.' },
    outcomes: {
      personal_hygiene: {
        unable: ['needs_assistance'],
        evidence: 'Cannot shower or transfer without help from another person.',
      },
      clothing: { unable: ['takes_significantly_longer'], evidence: 'Dressing alone takes over an hour.' },
      relationships: {
        unable: ['needs_assistance'],
        evidence: 'Cannot go out in the evening without someone to help with transfers.',
      },
    },
    wellbeing: {
      significantImpact: true,
      evidence: 'She is at risk of losing her job and has stopped seeing friends.',
    },
  },
  {
    framework: 'england',
    impairment: { met: true, evidence: 'Osteoarthritis and heart failure; fell at home in the spring.' },
    outcomes: {
      personal_hygiene: {
        unable: ['endangers_health_safety'],
        evidence: 'Has fallen getting out of the bath.',
      },
      community_facilities: {
        unable: ['pain_distress_anxiety'],
        evidence: 'Too anxious to leave the house alone since his fall.',
      },
    },
    wellbeing: {
      significantImpact: true,
      evidence: 'Isolated and losing confidence; at risk of another fall.',
    },
  },
  {
    framework: 'england',
    impairment: { met: true, evidence: 'Recurrent depression, under the community mental health team.' },
    outcomes: {
      nutrition: { unable: ['pain_distress_anxiety'], evidence: 'Stops eating properly when unwell.' },
      habitable_home: {
        unable: ['needs_assistance'],
        evidence: 'Needs prompting to keep the flat and pay bills.',
      },
    },
    wellbeing: { significantImpact: true, evidence: 'Rent arrears put her tenancy at risk.' },
  },
  {
    framework: 'england',
    impairment: { met: true, evidence: 'Moderate learning disability.' },
    outcomes: {
      community_facilities: {
        unable: ['endangers_health_safety'],
        evidence: 'Gets lost on public transport and has been stranded twice.',
      },
      work_learning_volunteering: {
        unable: ['needs_assistance'],
        evidence: 'Needs support to get to and keep his café job.',
      },
    },
    wellbeing: { significantImpact: true, evidence: 'Relies on his mother for every trip out.' },
  },
  {
    framework: 'england',
    impairment: { met: true, evidence: 'Dementia (Alzheimer’s type), diagnosed last year.' },
    outcomes: {
      nutrition: {
        unable: ['needs_assistance'],
        evidence: 'Forgets to eat; her nephew finds meals untouched.',
      },
    },
    wellbeing: { significantImpact: true, evidence: 'Losing weight.' },
  },
];

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
  const england = context.nation === 'england';
  const policyContent = england ? DEMO_ENGLISH_ELIGIBILITY_POLICY : DEMO_ELIGIBILITY_POLICY;
  const signposting = england ? DEMO_ENGLISH_SIGNPOSTING : DEMO_SIGNPOSTING;
  const assessmentFor = (i: number): EligibilityAssessment =>
    england ? ENGLISH_ASSESSMENTS[i % ENGLISH_ASSESSMENTS.length]! : ASSESSMENTS[i % 4 === 3 ? 3 : i % 3]!;
  const [policy] = await tx
    .insert(eligibilityPolicyVersions)
    .values({
      authorityId,
      framework: policyContent.framework,
      versionLabel: policyContent.versionLabel,
      effectiveFrom: '2026-04-01',
      content: policyContent,
      signposting,
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
  // The borough's assessments are written for its people in turn: take them in that order.
  const seededOrder = (context.shared.demoPeopleIds as string[] | undefined) ?? [];
  if (england) everyone.sort((a, b) => seededOrder.indexOf(a.id) - seededOrder.indexOf(b.id));
  await tx.insert(eligibilityDecisions).values(
    everyone.map((person, i) => {
      const assessment = assessmentFor(i);
      const decision = decideEligibility(policyContent, assessment);
      return {
        authorityId,
        personId: person.id,
        policyVersionId: policy!.id,
        policyVersionLabel: policyContent.versionLabel,
        assessment,
        eligible: decision.eligible,
        result: decision.result,
        reasons: decision.reasons,
        reviewRoute: decision.reviewRoute,
        signposting: decision.eligible ? null : signposting,
        decidedBy: worker!.id,
        decidedByName: worker!.name,
        decidedOn: addDays(todayInLondon(), -DEMO_DAYS_AGO.eligibilityDecided),
      };
    }),
  );
};
