import { addDays } from '../../platform/dates.ts';
import { DEMO_DAYS_AGO } from '../people/index.ts';
import type { CostLine } from './plan/costs.ts';
import type { SdsOption } from './options/rules.ts';
import type { DemoOutcome, DemoPlan } from './seed.ts';

type Line = Omit<CostLine, 'outcomeRef' | 'sdsOption'>;

/** Support that suits each area of outcome (the areas the outcomes feature records). */
const BY_AREA: Record<string, { howMet: string; flexibility: string; line: Line }> = {
  daily_living: {
    howMet: 'The same two carers help each morning, at a time that suits.',
    flexibility: 'On a bad day the visit can be longer and a later one shorter.',
    line: {
      description: 'Help to get up and dressed',
      providerKind: 'provider',
      frequency: '1 hour every morning',
      weeklyCost: 17_150,
      fundingStream: 'council_social_care',
    },
  },
  feeling_safe: {
    howMet: 'A personal assistant checks in and helps plan the week.',
    flexibility: 'Hours can move to the days that feel hardest.',
    line: {
      description: 'Personal assistant to check in',
      providerKind: 'personal_assistant',
      frequency: '4 hours a week',
      weeklyCost: 8_560,
      fundingStream: 'council_social_care',
    },
  },
  health: {
    howMet: 'Help with medicines and exercises every day.',
    flexibility: 'Times can change around appointments.',
    line: {
      description: 'Help with health routines',
      providerKind: 'provider',
      frequency: '30 minutes every day',
      weeklyCost: 8_575,
      fundingStream: 'council_social_care',
    },
  },
  where_i_live: {
    howMet: 'A housing support worker helps keep the tenancy going.',
    flexibility: 'Visits can be by phone some weeks.',
    line: {
      description: 'Housing support worker',
      providerKind: 'provider',
      frequency: '2 hours a week',
      weeklyCost: 4_600,
      fundingStream: 'housing_support',
    },
  },
  people_i_see: {
    howMet: 'A personal assistant, chosen by the person, goes out with them.',
    flexibility: 'Hours can be saved up for a day trip.',
    line: {
      description: 'Personal assistant for going out',
      providerKind: 'personal_assistant',
      frequency: '2 hours, three times a week',
      weeklyCost: 12_840,
      fundingStream: 'council_social_care',
    },
  },
  things_i_do: {
    howMet: 'Two sessions a week at a group the person picked.',
    flexibility: 'Sessions can be swapped for another group or activity.',
    line: {
      description: 'Sessions at a day opportunity',
      providerKind: 'community_resource',
      frequency: 'Two sessions a week',
      weeklyCost: 7_600,
      fundingStream: 'council_social_care',
    },
  },
  work_and_learning: {
    howMet: 'A job coach helps find and keep work.',
    flexibility: 'Hours can be used for interviews when they come up.',
    line: {
      description: 'Job coach',
      providerKind: 'personal_assistant',
      frequency: '4 hours a week',
      weeklyCost: 8_560,
      fundingStream: 'employment_support',
    },
  },
  managing_money: {
    howMet: 'Help once a week with bills and letters.',
    flexibility: 'More help in the weeks big letters arrive.',
    line: {
      description: 'Help with money and letters',
      providerKind: 'provider',
      frequency: '1 hour a week',
      weeklyCost: 2_450,
      fundingStream: 'council_social_care',
    },
  },
};

/** A mix (option 4): the person's own support by direct payment, with council-arranged back-up. */
const COUNCIL_BACK_UP: Line = {
  description: 'Council-arranged back-up support',
  providerKind: 'provider',
  frequency: 'About 1 hour a week, when needed',
  weeklyCost: 2_450,
  fundingStream: 'council_social_care',
};

export function supportForArea(
  area: string,
  option: SdsOption,
  unpaid: DemoPlan['unpaid'],
  helpedBy = 'The person and their social worker',
): DemoOutcome {
  const support = BY_AREA[area] ?? BY_AREA.people_i_see!;
  const lines: DemoOutcome['lines'] =
    option === 4
      ? [
          { ...support.line, sdsOption: 1 },
          { ...COUNCIL_BACK_UP, sdsOption: 3 },
        ]
      : [{ ...support.line, sdsOption: option }];
  if (unpaid)
    lines.push({
      ...unpaid,
      providerKind: 'family_and_friends_unpaid',
      weeklyCost: 0,
      fundingStream: 'council_social_care',
      sdsOption: lines[0]!.sdsOption,
    });
  return { words: '', howMet: support.howMet, flexibility: support.flexibility, option, helpedBy, lines };
}

/** The words of the demo plans. Rates: personal assistant £21.40 an hour, care company £24.50 an hour. */
export const MORAG: DemoPlan = {
  signedBy: 'Morag Campbell',
  unpaid: { description: 'Lifts from my sister Eilidh', frequency: 'Saturdays' },
  aboutMe:
    'I am Morag. I worked in the library for twenty years and I still read all the time. I have used a wheelchair since my accident. ' +
    'I like my own routine and doing things for myself. My sister Eilidh lives with me.',
  contingency:
    'If my personal assistant is ill, Direct Payments Support Scotland has a list of cover assistants. ' +
    'If nobody can come in the morning, Eilidh helps me and I tell Allied Home Care.',
  outcomes: [
    {
      words: 'I want to get out to the shops and see my friends when I choose',
      howMet: 'A personal assistant I choose and employ goes out with me four afternoons a week.',
      flexibility: 'I can move my hours between days, or save some up for a day trip.',
      option: 1,
      helpedBy: 'Direct Payments Support Scotland (Kirsty Bell)',
      lines: [
        {
          description: 'Personal assistant for going out',
          providerKind: 'personal_assistant',
          frequency: '2 hours, four afternoons a week',
          weeklyCost: 17_120,
          fundingStream: 'council_social_care',
          sdsOption: 1,
        },
        {
          description: 'Lifts from my sister Eilidh',
          providerKind: 'family_and_friends_unpaid',
          frequency: 'Saturdays',
          weeklyCost: 0,
          fundingStream: 'council_social_care',
          sdsOption: 1,
        },
      ],
    },
    {
      words: 'I want to get up and dressed in the morning without rushing',
      howMet:
        'Allied Home Care hold my money as an individual service fund and send the same two carers each morning.',
      flexibility: 'On a bad day I can ask for a longer visit and a shorter one later in the week.',
      option: 2,
      helpedBy: 'Sam Okafor, my social worker',
      lines: [
        {
          description: 'Morning support from Allied Home Care (individual service fund)',
          providerKind: 'provider',
          frequency: '1 hour every morning',
          weeklyCost: 17_150,
          fundingStream: 'council_social_care',
          sdsOption: 2,
        },
      ],
    },
  ],
  risks: [
    {
      description: 'Going into town on my own in my wheelchair',
      personView: 'It is the only time I feel like myself. I know the risks and I want to take them.',
      howEnabled:
        'Morag carries her phone with her assistant’s number; they planned an accessible route together.',
      whatAgreed: 'Morag goes alone on weekdays. Her assistant is on call.',
    },
  ],
  restrictions: (today) => [
    {
      description:
        'The direct payment cannot pay Eilidh, who lives with Morag, without the council agreeing first',
      reasonKind: 'policy_clause',
      reasonDetail: 'Direct payments policy 2026/27, clause 6.3: paying a close relative who lives with you',
      decidedBy: 'Priya Nair, team manager',
      decidedOn: addDays(today, -DEMO_DAYS_AGO.planAgreed),
      // Reviewed a year after it was decided, with the plan.
      reviewOn: addDays(today, 365 - DEMO_DAYS_AGO.planAgreed),
    },
  ],
};

export const CALLUM: DemoPlan = {
  aboutMe:
    'I am Callum. I go to the high school. I love football and computer games. New places are hard for me at first, so I like to visit before I go.',
  contingency: 'If my assistant cannot come on Friday, Mum takes me to the youth club that week.',
  outcomes: [
    {
      words: 'I want to go to the youth club with people my age',
      howMet: 'A personal assistant my mum and I choose goes with me on Friday evenings.',
      flexibility: 'If the club is shut, we can go to the football instead.',
      option: 1,
      helpedBy: 'Mum (Fiona Reid) and Sam Okafor',
      lines: [
        {
          description: 'Personal assistant for youth club',
          providerKind: 'personal_assistant',
          frequency: '3 hours on Friday evenings',
          weeklyCost: 6_420,
          fundingStream: 'council_social_care',
          sdsOption: 1,
        },
      ],
    },
    {
      words: 'I want to stay over at Hillview with my friends sometimes',
      howMet: 'The council books a weekend at Hillview House each month.',
      flexibility: 'We can swap weekends if there is a family event.',
      option: 3,
      helpedBy: 'Mum (Fiona Reid)',
      lines: [
        {
          description: 'Short break at Hillview House',
          providerKind: 'provider',
          frequency: 'One weekend a month',
          weeklyCost: 9_231,
          fundingStream: 'council_social_care',
          sdsOption: 3,
        },
      ],
    },
  ],
  risks: [
    {
      description: 'Going into the youth club without Mum',
      personView: 'I want to be like my friends.',
      howEnabled: 'His assistant stays nearby for the first few weeks.',
    },
  ],
};

export const NESSIE: DemoPlan = {
  signedBy: 'Agnes Thomson',
  // Nessie has no account: her worker recorded that she agreed, with her advocate there.
  recordedAgreement: {
    way: 'advocate',
    witnessName: 'Ruth Kerr',
    witnessRole: 'independent advocate, Advocacy Highland',
    notes: 'Read aloud to Nessie at home; she said yes to every part.',
  },
  // Allied Home Care, the demo provider, gives the care the council arranges (option 3).
  demoProviderGives: (line) => line.providerKind === 'provider' && line.sdsOption === 3,
  aboutMe:
    'I am Nessie. I have lived in this house for sixty years and I am not leaving it. I like a blether, a cup of tea and the radio.',
  contingency:
    'If my assistant cannot come, Direct Payments Support Scotland finds cover. My son Robert phones every evening.',
  outcomes: [
    {
      words: 'I want to stay in my own home',
      howMet: 'My own assistant helps me get up; the council’s home care team helps me to bed.',
      flexibility: 'I can have my morning help later on a Sunday.',
      option: 4,
      helpedBy: 'Direct Payments Support Scotland and my son Robert',
      lines: [
        {
          description: 'Personal assistant in the morning',
          providerKind: 'personal_assistant',
          frequency: '1 hour every morning',
          weeklyCost: 14_980,
          fundingStream: 'council_social_care',
          sdsOption: 1,
        },
        {
          description: 'Council home care at bedtime',
          providerKind: 'provider',
          frequency: '30 minutes every evening',
          weeklyCost: 8_575,
          fundingStream: 'council_social_care',
          sdsOption: 3,
        },
      ],
    },
    {
      words: 'I want to get out and have a blether with people',
      howMet: 'The council arranges a place at the day centre, and I go to the church lunch club.',
      flexibility: 'I can go to the lunch club instead of the day centre any week.',
      option: 3,
      helpedBy: 'My son Robert',
      lines: [
        {
          description: 'Day centre at St Andrew’s',
          providerKind: 'provider',
          frequency: 'Tuesdays',
          weeklyCost: 3_800,
          fundingStream: 'council_social_care',
          sdsOption: 3,
        },
        {
          description: 'Church lunch club',
          providerKind: 'community_resource',
          frequency: 'Thursdays',
          weeklyCost: 0,
          fundingStream: 'council_social_care',
          sdsOption: 3,
        },
      ],
    },
  ],
  risks: [
    {
      description: 'Using the stairs at night',
      personView: 'I have always slept upstairs and I will not sleep in the living room.',
      howEnabled: 'A second banister and a plug-in night light; a pendant alarm.',
      whatAgreed:
        'Nessie keeps sleeping upstairs; the occupational therapist checks the stairs in six months.',
    },
  ],
};

/** Plans for anyone else in the demo council, in turn: option 2, option 3, option 1 under a legal order. */
export const OTHERS: ((name: string) => DemoPlan)[] = [
  (name) => ({
    signedBy: name,
    aboutMe: `I am ${name}. I like routine and knowing who is coming.`,
    contingency: 'The care company sends someone I know from the same team.',
    outcomes: [
      {
        words: 'I want help at home from people I know',
        howMet: 'A care company I chose holds my money as an individual service fund.',
        flexibility: 'I can move visits around with a day’s notice.',
        option: 2,
        helpedBy: 'A broker from the independent support service',
        lines: [
          {
            description: 'Support at home (individual service fund)',
            providerKind: 'provider',
            frequency: '1 hour, five days a week',
            weeklyCost: 12_250,
            fundingStream: 'council_social_care',
            sdsOption: 2,
          },
        ],
      },
    ],
    risks: [],
  }),
  (name) => ({
    signedBy: name,
    aboutMe: `I am ${name}. I would rather the council sorted it out for me.`,
    contingency: 'The council’s duty team arranges cover.',
    outcomes: [
      {
        words: 'I want to be safe and warm at home',
        howMet: 'The council arranges home care visits.',
        flexibility: 'Visit times can change if I ask the council.',
        option: 3,
        helpedBy: 'My social worker',
        lines: [
          {
            description: 'Council home care',
            providerKind: 'provider',
            frequency: '30 minutes twice a day',
            weeklyCost: 17_150,
            fundingStream: 'council_social_care',
            sdsOption: 3,
          },
        ],
      },
    ],
    risks: [],
  }),
  (name) => ({
    signedBy: name,
    aboutMe: `I am ${name}. I am working on getting back to work.`,
    contingency: 'If my assistant cannot come, I go to the drop-in at the library.',
    outcomes: [
      {
        words: 'I want to get a job and keep it',
        howMet: 'I employ a job coach with my direct payment.',
        flexibility: 'I can use the hours for interviews when they come up.',
        option: 1,
        helpedBy: 'An independent advocate',
        lines: [
          {
            description: 'Job coach',
            providerKind: 'personal_assistant',
            frequency: '4 hours a week',
            weeklyCost: 8_560,
            fundingStream: 'employment_support',
            sdsOption: 1,
          },
        ],
      },
    ],
    risks: [],
    nonNegotiables: [
      {
        description: 'Attend the unpaid work placement on Tuesdays',
        legalOrder: 'Community Payback Order, Sheriff Court',
      },
    ],
  }),
];

/** The English demo council's person: every outcome met by a direct payment she manages herself. */
export const RACHEL: DemoPlan = {
  signedBy: 'Rachel Holloway',
  aboutMe:
    'I am Rachel. I work part-time in a housing office and I go to the gym twice a week. I have used a wheelchair since a car accident. ' +
    'I want to choose who helps me and when, like anyone else.',
  contingency:
    'If my personal assistant is ill, the Demoborough Independent Living Service keeps a list of cover assistants, and my brother can help in an emergency.',
  outcomes: [
    {
      words: 'I want to get up and ready for work at the time I choose',
      howMet: 'A personal assistant I employ with my direct payment helps me every morning.',
      flexibility: 'I can move hours between mornings and evenings as my week changes.',
      option: 1,
      helpedBy: 'Demoborough Independent Living Service',
      lines: [],
    },
    {
      words: 'I want to go out with my friends in the evening',
      howMet: 'The same assistant works some evenings.',
      flexibility: 'I can save hours for a night out or a day trip.',
      option: 1,
      helpedBy: 'Demoborough Independent Living Service',
      lines: [],
    },
  ],
  risks: [
    {
      description: 'Employing my own personal assistant',
      personView: 'I managed a team at work. I know what I am doing.',
      howEnabled: 'The independent living service runs her payroll and employer’s insurance.',
      whatAgreed: 'Rachel employs her assistant; the payroll service pays them.',
    },
  ],
};

/** England's deployment routes for each demo option choice (options/rules.ts ENGLAND_DEPLOYMENT_ROUTES). */
export const ENGLISH_ROUTE_FOR_OPTION: Record<
  SdsOption,
  'direct_payment' | 'individual_service_fund' | 'council_managed' | null
> = {
  1: 'direct_payment',
  2: 'individual_service_fund',
  3: 'council_managed',
  4: null,
};

/** The routes the English demo council runs: all but a trust (it has no trust scheme yet). */
export const DEMO_ENGLISH_ROUTES = [
  'direct_payment',
  'managed_account',
  'individual_service_fund',
  'council_managed',
] as const;
