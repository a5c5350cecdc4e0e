/** Every role an account can hold. Relationship to a person is separate (see access.ts). */
export const ROLES = [
  'person',
  'representative',
  'circle_member',
  'advocate',
  'worker',
  'manager',
  'finance',
  'support',
  'provider',
  'analyst',
  'admin',
  'national_admin',
  'operator',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  person: 'Person receiving support',
  representative: 'Representative (parent, guardian or attorney)',
  circle_member: 'Circle of support member',
  advocate: 'Independent advocate',
  worker: 'Social worker or care manager',
  manager: 'Team manager or panel',
  finance: 'Finance officer',
  support: 'Direct-payment support organisation',
  provider: 'Care provider',
  analyst: 'Analyst (aggregate figures only)',
  admin: 'Council administrator',
  national_admin: 'National administrator',
  operator: 'Platform operator',
};

export const STAFF_ROLES: readonly Role[] = ['worker', 'manager', 'finance', 'analyst', 'admin'];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
