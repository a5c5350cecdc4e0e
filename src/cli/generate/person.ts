import { decideEligibility, type ScotlandBand } from '../../features/eligibility/index.ts';
import { scotlandAssessment } from './eligibility.ts';
import { type DirectPaymentCandidate, generateBudgetAndPlan } from './plan.ts';
import { AGE_BANDS, type AgeBand } from '../../platform/age-bands.ts';
import { addDays } from '../../platform/dates.ts';
import type { BulkLoader } from './bulk.ts';
import { type Council, dateWithin, type Team } from './council.ts';
import type { Random } from './random.ts';
import {
  AGE_BAND_WEIGHTS,
  AGE_RANGES,
  AREA_UNITS,
  CHILD_OUTCOME_PHRASES,
  clientGroupWeights,
  ETHNICITY_WEIGHTS,
  FIRST_NAMES_FEMALE,
  FIRST_NAMES_MALE,
  OUTCOME_OPENINGS,
  OUTCOME_PHRASES,
  PROFESSIONAL_VIEWS,
  SEX_WEIGHTS_ADULT,
  SEX_WEIGHTS_CHILD,
  SEX_WEIGHTS_OLDER,
  SUPPORT_UNITS,
  SURNAMES,
} from './vocab.ts';

/** The tables a person's record fills, parents first (the loader flushes in this order). */
export const PERSON_TABLES = [
  'people',
  'person_equality',
  'eligibility_decisions',
  'conversations',
  'conversation_entries',
  'personal_outcomes',
  'personal_outcome_changes',
  'person_budgets',
  'budget_funding_streams',
  'support_plans',
  'support_plan_cost_lines',
  'sds_option_choices',
];

const ageBandWeights = AGE_BAND_WEIGHTS as Record<AgeBand, number>;
const _unitByCode = new Map(SUPPORT_UNITS.map((u) => [u.code, u]));

/**
 * One person's whole record: details, equality answers, an eligibility decision with its
 * reasons, outcomes in their own words, an indicative then an agreed budget computed by the
 * budget rules, plan versions with cost lines, and the SDS option chosen per outcome.
 */
export function generatePerson(
  loader: BulkLoader,
  random: Random,
  council: Council,
): DirectPaymentCandidate | null {
  const { authorityId, asOf } = council;
  const band = random.weighted(ageBandWeights);
  const [low, high] = AGE_RANGES[band];
  const age = random.int(low, high);
  const dateOfBirth = addDays(asOf, -(age * 365 + random.int(0, 364) + Math.floor(age / 4)));
  const sexWeights =
    band === '0-17'
      ? SEX_WEIGHTS_CHILD
      : AGE_BANDS.indexOf(band) >= 3
        ? SEX_WEIGHTS_OLDER
        : SEX_WEIGHTS_ADULT;
  const sex = random.weighted(sexWeights);
  const first = random.pick(sex === 'male' ? FIRST_NAMES_MALE : FIRST_NAMES_FEMALE);
  const legalName = `${first} ${random.pick(SURNAMES)}`;
  const clientGroup = random.weighted(clientGroupWeights(band));
  const locality = random.pick(council.scale.localities);
  const team: Team =
    band === '0-17'
      ? council.teams.find((t) => t.children)!
      : (council.teams.find((t) => t.locality === locality) ?? council.teams[0]!);
  const worker = random.chance(0.9) ? random.pick(team.workers) : null;
  const status = random.weighted({ open: 85, closed: 10, referred: 5 });
  const referredOn = dateWithin(random, asOf, council.scale.historyYears);
  const id = random.uuid();

  loader.add('people', {
    authority_id: authorityId,
    id,
    legal_name: legalName,
    preferred_name: random.chance(0.3) ? first.slice(0, Math.max(3, first.length - 2)) : null,
    date_of_birth: dateOfBirth,
    client_group: clientGroup,
    locality,
    town: locality,
    postcode: `SD${random.int(1, 20)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
    main_language: random.chance(0.95)
      ? 'English'
      : random.pick(['Polish', 'Urdu', 'Punjabi', 'Arabic', 'Cantonese', 'BSL']),
    crisis: random.chance(0.01),
    status,
    referred_by: random.pick([
      'Self',
      'GP',
      'Daughter',
      'Hospital discharge team',
      'School',
      'Community nurse',
    ]),
    referral_reason: 'Needs more help at home to do the things that matter',
    referral_urgency: random.weighted({ routine: 70, soon: 25, urgent: 5 }),
    referred_on: referredOn,
    allocated_team_id: team.id,
    allocated_worker_id: worker?.id ?? null,
    created_at: `${referredOn}T10:00:00Z`,
  });

  const ethnicity = random.weighted(ETHNICITY_WEIGHTS);
  if (ethnicity !== '') {
    loader.add('person_equality', {
      authority_id: authorityId,
      person_id: id,
      ethnicity,
      disability: random.weighted({ yes: 85, no: 10, prefer_not_to_say: 5 }),
      sex,
      gender_identity: random.weighted({ no: 97, yes: 1, prefer_not_to_say: 2 }),
      religion: random.weighted({
        none: 40,
        church_of_scotland: 25,
        roman_catholic: 16,
        other_christian: 6,
        muslim: 3,
        other: 3,
        prefer_not_to_say: 7,
      }),
    });
  }
  if (status === 'referred') return null;

  const decider = worker ?? team.manager;
  // Who typed the conversation's words and the outcomes (conversations/schema.ts).
  const typist = { name: decider.name, role: worker ? 'worker' : 'manager' };
  const decidedOn = addDays(referredOn, random.int(7, 60));
  const overall = random.weighted<ScotlandBand>({
    critical: 20,
    substantial: 60,
    moderate: 15,
    low: 5,
    none: 0,
  });
  const assessment = scotlandAssessment(random, overall);
  const decision = decideEligibility(council.eligibilityPolicy.content, assessment);
  loader.add('eligibility_decisions', {
    authority_id: authorityId,
    id: random.uuid(),
    person_id: id,
    policy_version_id: council.eligibilityPolicy.id,
    policy_version_label: council.eligibilityPolicy.content.versionLabel,
    assessment,
    eligible: decision.eligible,
    result: decision.result,
    reasons: decision.reasons,
    review_route: decision.reviewRoute,
    signposting: decision.signposting ? { text: 'Community support near you', links: [] } : null,
    decided_by: decider.id,
    decided_by_name: decider.name,
    decided_on: decidedOn,
  });
  if (!decision.eligible) return null;

  // Outcomes in the person's words, one need costed against each.
  const outcomes = Array.from({ length: random.int(1, 4) }, (_, i) => {
    const area = random.pick(Object.keys(OUTCOME_PHRASES));
    const phrase =
      band === '0-17' && random.chance(0.5)
        ? random.pick(CHILD_OUTCOME_PHRASES)
        : random.pick(OUTCOME_PHRASES[area]!);
    const [unitCode, lowQ, highQ] = random.pick(AREA_UNITS[area]!);
    return {
      id: random.uuid(),
      area,
      words: `${random.pick(OUTCOME_OPENINGS)} ${phrase}.`,
      view: random.pick(PROFESSIONAL_VIEWS),
      priority: i + 1,
      unitCode,
      quantity: random.int(lowQ * 2, highQ * 2) / 2,
    };
  });
  const saidBy =
    band === '0-17' || clientGroup === 'dementia'
      ? random.pick(['person', 'representative', 'family'])
      : 'person';
  // The good conversation the outcomes came from: what matters, in the person's own words.
  const conversationId = random.uuid();
  loader.add('conversations', {
    authority_id: authorityId,
    id: conversationId,
    person_id: id,
    held_on: decidedOn,
    place: random.pick(['At home', 'At the day centre', 'By video call', 'At the library']),
    who_was_there:
      saidBy === 'person' ? `${first} and ${decider.name}` : `${first}, family and ${decider.name}`,
    transition: band === '0-17' && age >= 14,
    created_by: decider.id,
    created_at: `${decidedOn}T10:30:00Z`,
  });
  // A child's own views are kept apart from their parents' (conversations/lists.ts).
  const child = band === '0-17';
  for (const [section, text] of [
    [child ? 'child_views' : 'what_matters', outcomes.map((o) => o.words).join(' ')],
    [child ? 'parent_views' : 'working', 'Having the same people help, at times that suit the family.'],
  ] as const)
    loader.add('conversation_entries', {
      authority_id: authorityId,
      id: random.uuid(),
      conversation_id: conversationId,
      person_id: id,
      section,
      text,
      said_by: section === 'parent_views' ? 'family' : section === 'working' ? 'worker' : saidBy,
      said_by_name: section === 'working' ? decider.name : section === 'parent_views' ? 'Parent' : first,
      own_words: (section === 'what_matters' || section === 'child_views') && saidBy === 'person',
      created_by: decider.id,
      typed_by_name: typist.name,
      typed_by_role: typist.role,
      created_at: `${decidedOn}T10:30:00Z`,
    });
  for (const outcome of outcomes) {
    loader.add('personal_outcomes', {
      authority_id: authorityId,
      id: outcome.id,
      person_id: id,
      person_words: outcome.words,
      said_by: saidBy,
      professional_view: outcome.view,
      area: outcome.area,
      priority: outcome.priority,
      status: random.weighted({ active: 85, achieved: 10, paused: 5 }),
      created_by: decider.id,
      updated_by: decider.id,
      words_typed_by: decider.id,
      words_typed_by_name: typist.name,
      words_typed_by_role: typist.role,
      created_at: `${decidedOn}T11:00:00Z`,
    });
    loader.add('personal_outcome_changes', {
      authority_id: authorityId,
      id: random.uuid(),
      outcome_id: outcome.id,
      person_id: id,
      version: 1,
      changed_by: decider.id,
      changed_by_name: decider.name,
      changed_by_role: typist.role,
      changes: { personWords: { from: null, to: outcome.words }, area: { from: null, to: outcome.area } },
      changed_at: `${decidedOn}T11:00:00Z`,
    });
  }

  return generateBudgetAndPlan(loader, random, council, {
    id,
    legalName,
    band,
    clientGroup,
    locality,
    status,
    team,
    decider,
    decidedOn,
    outcomes,
  });
}
