import type { Role } from './roles.ts';

/**
 * Who may do what, as data. Deny by default: a permission not listed here, or a role or
 * relationship not named under it, is refused.
 *
 * Person-scoped permissions depend on the actor's relationship to the person whose record
 * is touched; council-scoped permissions depend on the role alone (within one council).
 */
export type RelationshipKind =
  | 'self'
  | 'representative'
  | 'circle_member'
  | 'advocate'
  | 'support_organisation'
  | 'provider'
  | 'allocated_worker'
  | 'team'
  | 'break_glass'
  | 'authority'
  | 'none';

export interface Relationship {
  kind: RelationshipKind;
  /** Representative powers or consent scope, e.g. 'view_record', 'sign_support_plan'. */
  powers: readonly string[];
}

interface Rule {
  roles: readonly Role[];
  relationships: readonly RelationshipKind[];
  /** When set, the relationship must carry this power (representatives, circle, support). */
  power?: string;
}

const CASE_HOLDERS: Rule = {
  roles: ['worker', 'manager'],
  relationships: ['allocated_worker', 'team', 'break_glass'],
};
const SELF: Rule = { roles: ['person'], relationships: ['self'] };
const rep = (power: string): Rule => ({
  roles: ['representative'],
  relationships: ['representative'],
  power,
});
const consented = (roles: readonly Role[], kinds: readonly RelationshipKind[], power: string): Rule => ({
  roles,
  relationships: kinds,
  power,
});
const FINANCE: Rule = { roles: ['finance'], relationships: ['authority', 'allocated_worker', 'team'] };

export const PERSON_PERMISSIONS = {
  /** See the record: details, conversation, outcomes, budget explanation, plan. */
  'record.read': [
    SELF,
    rep('view_record'),
    consented(
      ['circle_member', 'advocate', 'support'],
      ['circle_member', 'advocate', 'support_organisation'],
      'view_record',
    ),
    CASE_HOLDERS,
    FINANCE,
  ],
  /**
   * The "My support" home (people/my-pages.ts): the person and anyone linked to their record
   * by a current relationship, whatever its powers or consent scope. The home itself shows
   * only the person's name; each link on it is offered only where its own permission allows.
   * A provider opens its service view instead.
   */
  'support.home': [
    SELF,
    { roles: ['representative'], relationships: ['representative'] },
    {
      roles: ['circle_member', 'advocate', 'support'],
      relationships: ['circle_member', 'advocate', 'support_organisation'],
    },
  ],
  /**
   * A provider's view of the person (provider-view/service.ts): only what it needs to deliver
   * its part of the agreed plan — names, contact and communication needs, the lines it
   * delivers with their outcomes, contingency, restrictions and risks. Never the record:
   * no identifiers, conversations, eligibility, budget, equality answers or payments.
   */
  'service.read': [{ roles: ['provider'], relationships: ['provider'] }],
  /** Sensitive equality information: only the person and those holding the case. */
  'equality.read': [SELF, CASE_HOLDERS],
  /** Add own words: conversation entries, outcomes in the person's words, plan draft sections. */
  'own_words.write': [
    SELF,
    rep('welfare_decisions'),
    consented(['circle_member', 'advocate'], ['circle_member', 'advocate'], 'contribute'),
    CASE_HOLDERS,
  ],
  /** Professional work on the case: record details, professional views, eligibility, budgets, plans. */
  'case.write': [CASE_HOLDERS],
  /** Agree or return plans, approve budgets and interim budgets. */
  'case.decide': [{ roles: ['manager'], relationships: ['allocated_worker', 'team', 'break_glass'] }],
  /** Sign a support plan. */
  'plan.sign': [SELF, rep('sign_support_plan')],
  /** Payments, statements, contributions. */
  'money.read': [
    SELF,
    rep('financial_decisions'),
    consented(['support'], ['support_organisation'], 'manage_direct_payment'),
    CASE_HOLDERS,
    FINANCE,
  ],
  /** Submit a direct-payment return, give a view on a surplus review. */
  'money.account': [
    SELF,
    rep('financial_decisions'),
    consented(['support'], ['support_organisation'], 'manage_direct_payment'),
  ],
  /** Agreements, financial assessments, recoveries. */
  'money.manage': [FINANCE],
  /** "Who has looked at my record" and the subject access export. */
  'audit.own': [SELF, rep('view_record'), CASE_HOLDERS],
  /**
   * Change who holds the record or who may see it: the allocation, an account linked to the
   * circle or as a representative, a linked representative's powers or dates. Lasting access
   * comes only from a lasting relationship (the allocated worker, the allocated team and its
   * manager), never from breaking glass: see BREAK_GLASS_NEVER.
   */
  'access.grant': [{ roles: ['worker', 'manager'], relationships: ['allocated_worker', 'team'] }],
  /**
   * Invite people around the record to accounts linked to it (people/invitations.ts), and stop
   * an invitation. Those holding the case invite anyone (the person, a representative, a circle
   * member, an advocate, a support organisation, a provider); the person, or a representative
   * who makes welfare decisions, invites only their own circle and stops only what they sent.
   * Never on a break-glass grant: an account would outlast it.
   */
  'invitations.manage': [
    SELF,
    rep('welfare_decisions'),
    { roles: ['worker', 'manager'], relationships: ['allocated_worker', 'team'] },
  ],
  /** "Who can see my record": the person, their representative and those holding the case. */
  'access.read': [SELF, rep('view_record'), CASE_HOLDERS],
} as const satisfies Record<string, readonly Rule[]>;

/**
 * What breaking glass never gives, whatever the rules above say. Breaking glass is an
 * 8-hour, audited grant to work on a record; anything that would outlast it (allocating the
 * person to oneself, giving an account access) would turn the grant into permanent access.
 * Ending access (ending a representative, recording withdrawn consent) is not listed: it
 * gives nobody anything.
 */
export const BREAK_GLASS_NEVER: ReadonlySet<string> = new Set(['access.grant', 'invitations.manage']);

export const AUTHORITY_PERMISSIONS = {
  'caselist.read': ['worker', 'manager', 'finance'],
  'people.create': ['worker', 'manager'],
  'my.records': ['person', 'representative', 'circle_member', 'advocate', 'support', 'provider'],
  'audit.search': ['manager', 'admin'],
  'users.manage': ['admin'],
  'policy.manage': ['admin'],
  'policy.preview': ['admin', 'manager'],
  'reports.aggregate': ['analyst', 'manager', 'admin'],
  'payments.run': ['finance'],
  /** The council's direct-payment settings: drafted and published by an administrator (policy.manage). */
  'payments.settings.read': ['admin', 'finance'],
  /**
   * The council's funding streams, read by staff who choose one for a budget or a cost line (and
   * API clients that send one); changed only by an administrator (policy.manage).
   */
  'funding_streams.read': ['worker', 'manager', 'finance', 'analyst', 'admin'],
  'ledger.manage': ['finance'],
  /** Import an existing caseload from the council's previous system (features/imports). */
  'caseload.import': ['admin'],
  'crisis.approve': ['manager'],
  'break_glass.request': ['worker', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * Platform-wide permissions: setting up councils. Held only by the platform operator, an
 * account of no council (`authority_id` null), who holds no council or person permission and
 * so never reads a council's records.
 */
export const PLATFORM_PERMISSIONS = {
  'councils.manage': ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export type PlatformPermission = keyof typeof PLATFORM_PERMISSIONS;

export function isPlatformPermission(permission: string): permission is PlatformPermission {
  return permission in PLATFORM_PERMISSIONS;
}

/** Is this role allowed this platform permission? (Only an account of no council may be.) */
export function platformRoleAllows(permission: PlatformPermission, role: Role): boolean {
  return (PLATFORM_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export type PersonPermission = keyof typeof PERSON_PERMISSIONS;
export type AuthorityPermission = keyof typeof AUTHORITY_PERMISSIONS;
export type Permission = PersonPermission | AuthorityPermission | 'signed_in';

export function isPersonPermission(permission: string): permission is PersonPermission {
  return permission in PERSON_PERMISSIONS;
}

/** Is this role allowed this council-wide permission? */
export function roleAllows(permission: AuthorityPermission | 'signed_in', role: Role): boolean {
  if (permission === 'signed_in') return true;
  return (AUTHORITY_PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Is this role, with this relationship to the person, allowed this permission? */
export function relationshipAllows(
  permission: PersonPermission,
  role: Role,
  relationship: Relationship,
): boolean {
  if (relationship.kind === 'break_glass' && BREAK_GLASS_NEVER.has(permission)) return false;
  const rules: readonly Rule[] = PERSON_PERMISSIONS[permission];
  return rules.some(
    (rule) =>
      rule.roles.includes(role) &&
      rule.relationships.includes(relationship.kind) &&
      (rule.power === undefined || relationship.powers.includes(rule.power)),
  );
}

/** Could some relationship let this role do it? Workers and managers may then break glass. */
export function mayBreakGlass(permission: PersonPermission, role: Role): boolean {
  return relationshipAllows(permission, role, { kind: 'break_glass', powers: [] });
}

/** Why a further permission was refused, in plain words (the guard's own refusals say theirs). */
export function refusalFor(permission: PersonPermission, relationship: Relationship): string {
  if (permission === 'access.grant') {
    return relationship.kind === 'break_glass'
      ? 'Breaking glass lets you read and work on this record for 8 hours. It does not let you change who holds the case or who can see the record. Ask the team manager to do this.'
      : 'Only the team manager or the worker who holds the case can change who holds it or who can see the record.';
  }
  return 'You do not have access to this.';
}
