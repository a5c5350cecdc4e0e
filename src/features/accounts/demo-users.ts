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

export type DemoRole = (typeof DEMO_ROLES)[number];

/** The English demo council's accounts: the roles its journey (referral to payment) needs. */
export const BOROUGH_DEMO_ROLES = [
  'person',
  'worker',
  'manager',
  'finance',
  'analyst',
  'admin',
] as const satisfies readonly DemoRole[];

/** Each demo council's e-mail domain: the Scottish council's accounts keep theirs. */
export const DEMO_EMAIL_DOMAINS = {
  demo: 'demo.selfdirect.test',
  'demo-borough': 'borough.demo.selfdirect.test',
} as const;

export type DemoCouncilCode = keyof typeof DEMO_EMAIL_DOMAINS;

export function demoEmail(role: DemoRole | string, council: DemoCouncilCode = 'demo'): string {
  return `${role}@${DEMO_EMAIL_DOMAINS[council]}`;
}

/** The second finance officer each demo council has, who approves the runs the first creates. */
export const demoApproverEmail = (council: DemoCouncilCode = 'demo') =>
  demoEmail('finance.approver', council);

/** Every demo account a person can sign in with, council by council, for the sign-in page and the console. */
export function demoAccounts(): { council: string; role: string; email: string }[] {
  return [
    ...DEMO_ROLES.map((role) => ({ council: 'Demo Council (Scotland)', role, email: demoEmail(role) })),
    ...BOROUGH_DEMO_ROLES.map((role) => ({
      council: 'Demo Borough Council (England)',
      role,
      email: demoEmail(role, 'demo-borough'),
    })),
    {
      council: 'Demo Borough Council (England)',
      role: 'finance',
      email: demoApproverEmail('demo-borough'),
    },
    {
      council: 'The platform (sets councils up, of no council)',
      role: 'operator',
      email: DEMO_OPERATOR.email,
    },
  ];
}

/**
 * The demo's platform operator: sets councils up, belongs to none, sees no one's record.
 * Seeded with the demo password (src/cli/seed-demo.ts); listed on the demo sign-in page.
 */
export const DEMO_OPERATOR = { email: 'operator@selfdirect.test', displayName: 'Olu Adeyemi' } as const;
