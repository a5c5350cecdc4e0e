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

/**
 * The demo's platform operator: sets councils up, belongs to none, sees no one's record.
 * Seeded with the demo password (src/cli/seed-demo.ts); listed on the demo sign-in page.
 */
export const DEMO_OPERATOR = { email: 'operator@selfdirect.test', displayName: 'Olu Adeyemi' } as const;
