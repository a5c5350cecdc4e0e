import type { Role } from '../../platform/auth/roles.ts';

/** One demo account per role, e-mail `<role>@demo.selfdirect.test`; demo mode only. */
export const DEMO_ROLES = [
  'person',
  'representative',
  'worker',
  'manager',
  'finance',
  'support',
  'provider',
  'analyst',
  'admin',
] as const satisfies readonly Role[];

export function demoEmail(role: (typeof DEMO_ROLES)[number]): string {
  return `${role}@demo.selfdirect.test`;
}
