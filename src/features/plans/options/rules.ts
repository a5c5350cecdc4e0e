/**
 * The four SDS options, explained in plain words (aimed at a reading age of about 9), and
 * England's ways of taking a personal budget mapped onto them. The Scottish Act requires the
 * options to be explained impartially, so each explanation says the same three things: what
 * you would do, what help there is, and what changes for you.
 */
import type { Nation } from '../../people/index.ts';

export type SdsOption = 1 | 2 | 3 | 4;

export const SDS_OPTION_NAMES: Record<SdsOption, string> = {
  1: 'a direct payment',
  2: 'you choose, someone else arranges',
  3: 'the council chooses and arranges',
  4: 'a mix of options',
};

export interface SdsOptionExplanation {
  option: SdsOption;
  name: string;
  summary: string;
  whatYouDo: string;
  helpAvailable: string;
  whatChanges: string;
}

export const SDS_OPTIONS: readonly SdsOptionExplanation[] = [
  {
    option: 1,
    name: SDS_OPTION_NAMES[1],
    summary: 'The council pays your support money to you. You use it to get the support you want.',
    whatYouDo:
      'You choose who helps you and when. You can pay a care company, or be the boss of your own helpers. ' +
      'You keep a record of what you spend.',
    helpAvailable:
      'A support organisation can help you find helpers, do the wages and keep the records. ' +
      'Someone you trust can look after the money for you.',
    whatChanges: 'You have the most say. You also have the most jobs to do.',
  },
  {
    option: 2,
    name: SDS_OPTION_NAMES[2],
    summary:
      'You choose your support. The council, or a care company you pick, sorts it out and pays for it.',
    whatYouDo: 'You say who you want to help you and how. You do not have to handle the money.',
    helpAvailable:
      'A broker can help you look at choices and plan. The company you pick keeps your money for you. ' +
      'This is called an individual service fund.',
    whatChanges: 'You still choose. Someone else does the paperwork and the paying.',
  },
  {
    option: 3,
    name: SDS_OPTION_NAMES[3],
    summary: 'The council chooses your support and arranges it for you.',
    whatYouDo: 'You tell the council what matters to you. The council picks the service and sets it up.',
    helpAvailable: 'Your worker sets everything up. You can ask questions and ask for a change at any time.',
    whatChanges: 'You have fewer jobs to do. You have less say in who helps you and when.',
  },
  {
    option: 4,
    name: SDS_OPTION_NAMES[4],
    summary: 'You use more than one option. You can pick a different one for each part of your support.',
    whatYouDo:
      'For each part of your support, you choose the way that suits you. For example, you could pay your own ' +
      'helper for outings and let the council arrange help at home.',
    helpAvailable: 'All the help for options 1, 2 and 3 is there for the parts that use them.',
    whatChanges: 'You can have lots of say where it matters most to you, and less to do where you want that.',
  },
];

export type DeploymentRoute =
  | 'direct_payment'
  | 'managed_account'
  | 'individual_service_fund'
  | 'third_party_trust'
  | 'council_managed';

export interface DeploymentRouteInfo {
  route: DeploymentRoute;
  label: string;
  /**
   * The SDS option it matches. A managed account and a trust are still a direct payment (the
   * money is paid out to someone acting for the person), so they map to option 1.
   */
  sdsOption: SdsOption;
  explanation: string;
}

export const ENGLAND_DEPLOYMENT_ROUTES: readonly DeploymentRouteInfo[] = [
  {
    route: 'direct_payment',
    label: 'Direct payment',
    sdsOption: 1,
    explanation:
      'The council pays your support money into a bank account for you. You choose and pay for support.',
  },
  {
    route: 'managed_account',
    label: 'Managed account',
    sdsOption: 1,
    explanation:
      'You get a direct payment, but a support organisation looks after the account and pays the bills.',
  },
  {
    route: 'individual_service_fund',
    label: 'Individual service fund',
    sdsOption: 2,
    explanation: 'A care company you choose keeps your money and uses it for the support you want.',
  },
  {
    route: 'third_party_trust',
    label: 'Trust or someone acting for you',
    sdsOption: 1,
    explanation: 'A trust, or a person you choose, gets the direct payment and manages it for you.',
  },
  {
    route: 'council_managed',
    label: 'Council-managed budget',
    sdsOption: 3,
    explanation: 'The council arranges and pays for your support.',
  },
];

/**
 * In England the council must arrange support when asked (Care Act s.18) and a direct
 * payment is a right on request where the conditions are met (s.31), so a council can
 * switch other routes off but never these two.
 */
export const ENGLAND_ROUTES_ALWAYS_OFFERED: readonly DeploymentRoute[] = [
  'direct_payment',
  'council_managed',
];

export interface OfferedChoice {
  key: string;
  label: string;
  sdsOption: SdsOption;
  explanation: string;
  route?: DeploymentRoute;
}

export interface OfferConfig {
  nation: Nation;
  /** England only: the routes this council runs. Scotland must always offer all four options. */
  routesEnabled?: readonly DeploymentRoute[];
}

/** What the person is offered, in the order they should be shown. */
export function optionsOffered(config: OfferConfig): OfferedChoice[] {
  if (config.nation === 'scotland') {
    // The 2013 Act requires all four options to be offered; a council cannot switch one off.
    return SDS_OPTIONS.map((o) => ({
      key: `option_${o.option}`,
      label: `Option ${o.option}: ${o.name}`,
      sdsOption: o.option,
      explanation: o.summary,
    }));
  }
  const enabled = new Set<DeploymentRoute>([
    ...(config.routesEnabled ?? []),
    ...ENGLAND_ROUTES_ALWAYS_OFFERED,
  ]);
  const allEnabled = config.routesEnabled === undefined;
  const routes = ENGLAND_DEPLOYMENT_ROUTES.filter((r) => allEnabled || enabled.has(r.route));
  const choices: OfferedChoice[] = routes.map((r) => ({
    key: r.route,
    label: r.label,
    sdsOption: r.sdsOption,
    explanation: r.explanation,
    route: r.route,
  }));
  // Both always-offered routes differ in option, so a mix is always possible.
  const mix = SDS_OPTIONS.find((o) => o.option === 4)!;
  choices.push({ key: 'mix', label: 'A mix of these', sdsOption: 4, explanation: mix.summary });
  return choices;
}
