import type { BudgetPolicy } from '../../features/budgets/index.ts';
import type { EligibilityPolicy } from '../../features/eligibility/index.ts';
import { addDays, addMonths, type IsoDate } from '../../platform/dates.ts';
import type { BulkLoader } from './bulk.ts';
import type { Random } from './random.ts';
import type { Scale } from './scales.ts';
import { FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, SUPPORT_UNITS, SURNAMES } from './vocab.ts';

export interface StaffMember {
  id: string;
  name: string;
}

export interface Team {
  id: string;
  name: string;
  /** The locality the team covers; children's teams cover every locality. */
  locality: string | null;
  children: boolean;
  workers: StaffMember[];
  manager: StaffMember;
}

/** Everything a person's rows point at: the council, its teams and staff, its published policies. */
export interface Council {
  authorityId: string;
  code: string;
  asOf: IsoDate;
  scale: Scale;
  teams: Team[];
  finance: StaffMember;
  /** A second finance officer: a payment run needs two people, one to create it and one to approve it. */
  financeApprover: StaffMember;
  budgetPolicy: { id: string; content: BudgetPolicy };
  eligibilityPolicy: { id: string; content: EligibilityPolicy };
  paymentPolicyLabel: string;
}

const REVIEW_ROUTE =
  'If you disagree, tell your social worker or write to the review team within 28 days. We will look at the decision again with someone who was not part of it.';

/**
 * The council, its teams (one per locality plus children's teams), staff accounts (workers,
 * managers, finance, an analyst and an administrator, none with a password: they are for
 * load, not for signing in) and its published budget, eligibility and payment policies.
 */
export function buildCouncil(
  loader: BulkLoader,
  random: Random,
  options: { authorityId: string; code: string; name: string; asOf: IsoDate; scale: Scale },
): Council {
  const { authorityId, code, asOf, scale } = options;
  loader.add('authorities', { id: authorityId, code, name: options.name, nation: 'scotland' });
  const emailDomain = `${code}.selfdirect.test`;
  const staffName = () =>
    `${random.pick(random.chance(0.7) ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE)} ${random.pick(SURNAMES)}`;
  const users: Record<string, unknown>[] = [];
  const staff = (role: string, teamId: string | null): StaffMember => {
    const member = { id: random.uuid(), name: staffName() };
    users.push({
      id: member.id,
      authority_id: authorityId,
      email: `${role}-${users.length + 1}@${emailDomain}`,
      display_name: member.name,
      role,
      team_id: teamId,
      password_hash: null,
    });
    return member;
  };

  // About one worker for every 35 people, as in a busy community care team.
  const workersPerTeam = Math.max(1, Math.round(scale.people / 35 / (scale.localities.length + 1)));
  const teams: Team[] = [];
  const teamRows: Record<string, unknown>[] = [];
  const teamFor = (name: string, locality: string | null, children: boolean) => {
    const id = random.uuid();
    teamRows.push({ authority_id: authorityId, id, name });
    return { id, name, locality, children };
  };
  const planned = [
    ...scale.localities.map((locality) => teamFor(`Community Care ${locality}`, locality, false)),
    teamFor('Children and Families', null, true),
  ];
  for (const row of teamRows) loader.add('teams', row);
  for (const team of planned) {
    const manager = staff('manager', team.id);
    const workers = Array.from({ length: workersPerTeam }, () => staff('worker', team.id));
    teams.push({ ...team, manager, workers });
  }
  const finance = staff('finance', null);
  const financeApprover = staff('finance', null);
  staff('analyst', null);
  staff('admin', null);
  for (const user of users) loader.add('users', user);

  const policyStart = addMonths(asOf, -12 * scale.historyYears);
  const budgetPolicy: BudgetPolicy = {
    versionLabel: `Budget policy ${asOf.slice(0, 4)} v1`,
    supportUnits: SUPPORT_UNITS.map((unit) => ({ ...unit })),
    contingencyBasisPoints: 500,
  };
  const budgetPolicyId = random.uuid();
  loader.add('budget_policy_versions', {
    authority_id: authorityId,
    id: budgetPolicyId,
    version_label: budgetPolicy.versionLabel,
    effective_from: policyStart,
    status: 'published',
    content: budgetPolicy,
    co_produced_with: 'Local disabled people’s organisation and carers’ centre (synthetic)',
    created_by: teams[0]!.manager.id,
    published_by: teams[0]!.manager.id,
    published_at: `${policyStart}T09:00:00Z`,
  });

  const eligibilityPolicy: EligibilityPolicy = {
    framework: 'scotland',
    versionLabel: 'Eligibility criteria 2020 v1',
    fundedBands: ['critical', 'substantial'],
    reviewRoute: REVIEW_ROUTE,
  };
  const eligibilityPolicyId = random.uuid();
  loader.add('eligibility_policy_versions', {
    authority_id: authorityId,
    id: eligibilityPolicyId,
    framework: 'scotland',
    version_label: eligibilityPolicy.versionLabel,
    effective_from: policyStart,
    content: eligibilityPolicy,
    signposting: {
      text: 'Community groups, lunch clubs and carers’ support near you can help without a council budget.',
      links: [{ text: 'Local community directory', href: 'https://example.org/community-directory' }],
    },
    published_by: teams[0]!.manager.id,
  });

  const paymentPolicyLabel = 'Direct payment policy v1';
  loader.add('payment_policy_versions', {
    authority_id: authorityId,
    id: random.uuid(),
    version_label: paymentPolicyLabel,
    effective_from: policyStart,
    surplus_threshold_weeks: 8,
    originator_name: 'SYNTHETIC COUNCIL',
    originator_sort_code: '000000',
    originator_account_number: '00000000',
  });
  loader.add('ledger_accounts', {
    authority_id: authorityId,
    id: `council_dp_fund:${authorityId}`,
    kind: 'council_dp_fund',
    person_id: null,
  });
  loader.add('ledger_accounts', {
    authority_id: authorityId,
    id: `contributions_receivable:${authorityId}`,
    kind: 'contributions_receivable',
    person_id: null,
  });

  return {
    authorityId,
    code,
    asOf,
    scale,
    teams,
    finance,
    financeApprover,
    budgetPolicy: { id: budgetPolicyId, content: budgetPolicy },
    eligibilityPolicy: { id: eligibilityPolicyId, content: eligibilityPolicy },
    paymentPolicyLabel,
  };
}

/** The tables of the council set-up, parents first. */
export const COUNCIL_TABLES = [
  'authorities',
  'teams',
  'users',
  'budget_policy_versions',
  'eligibility_policy_versions',
  'payment_policy_versions',
  'ledger_accounts',
];

/** A date a whole number of days before `asOf`, at most `years` back. */
export function dateWithin(random: Random, asOf: IsoDate, years: number): IsoDate {
  return addDays(asOf, -random.int(0, Math.round(years * 365)));
}
