import type { PersonPermission } from '../../platform/auth/policy.ts';
import { formatDate } from '../../platform/dates.ts';
import { formatPence } from '../../platform/money/index.ts';

/**
 * The "My support" home (my-pages.ts): every part of a person's record, each a link with a
 * short status in plain words. A presenter only: what the viewer may open is decided by the
 * policy (`allowed`), and each status comes from the one GET's reads (`SupportStatuses`).
 * A part the viewer may not open is left off, never shown greyed out.
 */

/** What the home read, part by part. `undefined`: not read (not allowed); `null`: nothing yet. */
export interface SupportStatuses {
  outcomes?: number;
  ownWords?: number;
  eligibility?: { decidedOn: string; eligible: boolean } | null;
  budget?: { weeklyAmount: number; agreed: boolean } | null;
  options?: { chosen: number; outcomes: number };
  plan?: { state: string; decidedOn: string | null } | null;
  payment?: { amountPerPeriod: number; frequencyLabel: string } | null;
  contribution?: { weeklyContribution: number } | null;
}

export interface SupportLink {
  text: string;
  href: string;
  status: string | null;
}

export interface SupportSection {
  heading: string;
  links: SupportLink[];
}

/** Where "who can see my record" lives (people/invitation-pages.ts). */
export const whoCanSeePath = (personId: string) => `/people/${personId}/who-can-see`;

const count = (n: number | undefined, one: string, many: string, none: string) =>
  n === undefined ? null : n === 0 ? none : n === 1 ? `1 ${one}` : `${n} ${many}`;

const PLAN_WORDS: Record<string, string> = {
  draft: 'Being written',
  shared: 'Ready for you to read',
  signed: 'Signed, not yet sent to the council',
  submitted: 'Sent to the council to agree',
  returned: 'Sent back for changes',
};

function planStatus(plan: SupportStatuses['plan']): string | null {
  if (plan === undefined) return null;
  if (plan === null) return 'No plan yet';
  if (plan.state === 'agreed') return plan.decidedOn ? `Agreed on ${formatDate(plan.decidedOn)}` : 'Agreed';
  return PLAN_WORDS[plan.state] ?? null;
}

function eligibilityStatus(decision: SupportStatuses['eligibility']): string | null {
  if (decision === undefined) return null;
  if (decision === null) return 'No decision yet';
  return `${decision.eligible ? 'Yes' : 'No'}: decided on ${formatDate(decision.decidedOn)}`;
}

function budgetStatus(budget: SupportStatuses['budget']): string | null {
  if (budget === undefined) return null;
  if (budget === null) return 'No budget yet';
  return `${formatPence(budget.weeklyAmount)} a week${budget.agreed ? ', agreed' : ', a first estimate'}`;
}

/**
 * The home's sections for one viewer. `self`: the person on their own account (the links
 * say "my"); otherwise the links name the person.
 */
export function supportHome(input: {
  personId: string;
  name: string;
  self: boolean;
  allowed: (permission: PersonPermission) => boolean;
  statuses: SupportStatuses;
}): SupportSection[] {
  const { personId, name, self, allowed, statuses: s } = input;
  const my = self ? 'my' : `${name}’s`;
  const My = self ? 'My' : `${name}’s`;
  const my_ = `/my/${personId}`;
  const people = `/people/${personId}`;
  const link = (
    permission: PersonPermission | null,
    text: string,
    href: string,
    status: string | null = null,
  ) => (permission === null || allowed(permission) ? [{ text, href, status }] : []);

  const sections: SupportSection[] = [
    {
      heading: self ? 'About me' : `About ${name}`,
      links: [
        ...link(
          'record.read',
          self ? 'What I want' : `What ${name} wants`,
          `${my_}/outcomes`,
          count(s.outcomes, 'thing written down', 'things written down', 'Nothing written down yet'),
        ),
        ...link(
          'record.read',
          self ? 'What I said' : `What ${name} said`,
          `${my_}/said`,
          count(
            s.ownWords,
            `thing in ${self ? 'my' : 'their'} own words`,
            `things in ${self ? 'my' : 'their'} own words`,
            'Nothing written down yet',
          ),
        ),
        ...link(
          'record.read',
          self ? 'About me and who helps me' : `About ${name} and who helps`,
          `${my_}/about`,
        ),
      ],
    },
    {
      heading: 'Decisions about support',
      links: [
        ...link(
          'record.read',
          'Can the council pay for support?',
          `${people}/eligibility`,
          eligibilityStatus(s.eligibility),
        ),
        ...link(
          'record.read',
          `${My} budget and how it was worked out`,
          `${my_}/budget`,
          budgetStatus(s.budget),
        ),
        ...link(
          'record.read',
          self ? 'What if my needs changed?' : `What if ${name}’s needs changed?`,
          `${my_}/budget/what-if`,
        ),
        ...link('record.read', `${My} budget letter (PDF)`, `${people}/budget/letter.pdf`),
        ...link(
          'record.read',
          self ? 'How I want my support arranged' : `How ${name} wants their support arranged`,
          `${my_}/options`,
          s.options === undefined
            ? null
            : s.options.outcomes === 0
              ? 'Nothing to choose for yet'
              : `Chosen for ${s.options.chosen} of ${s.options.outcomes}`,
        ),
        ...link('record.read', `${My} support plan`, `${my_}/plan`, planStatus(s.plan)),
        ...link('record.read', `${My} support plan (PDF)`, `${my_}/plan.pdf`),
      ],
    },
    {
      heading: 'Money',
      links: [
        ...link(
          'money.read',
          `${My} payments and statements`,
          `${my_}/payments`,
          s.payment === undefined
            ? null
            : s.payment === null
              ? 'No direct payment'
              : `${formatPence(s.payment.amountPerPeriod)} ${s.payment.frequencyLabel.toLowerCase()}`,
        ),
        ...link(
          'money.read',
          self ? 'What I pay towards my support' : `What ${name} pays towards their support`,
          `${people}/charging`,
          s.contribution === undefined
            ? null
            : s.contribution === null
              ? 'Not worked out yet'
              : `${formatPence(s.contribution.weeklyContribution)} a week`,
        ),
      ],
    },
    {
      heading: self ? 'My record' : `${name}’s record`,
      links: [
        ...link('access.read', `Who can see ${my} record`, whoCanSeePath(personId)),
        ...link(
          'invitations.manage',
          `Invite someone in ${self ? 'my' : 'their'} circle of support`,
          `${people}/invitations/new`,
        ),
        ...link('audit.own', `Who has looked at ${my} record`, `${people}/who-looked`),
        ...link('audit.own', `${self ? 'My' : 'A'} copy of ${my} record`, `${people}/export`),
        ...link(null, 'My account', '/account'),
      ],
    },
  ];
  return sections.filter((section) => section.links.length > 0);
}
