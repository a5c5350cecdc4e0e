/**
 * The shape of a synthetic council's population, loosely after Scottish social care
 * statistics and the 2022 census: most people supported are older, a large minority are
 * working-age adults with a disability or mental health need, and about one in eight is a
 * child. Weights are relative, not percentages. Nothing here is about a real person.
 */
import type { AgeBand } from '../../platform/age-bands.ts';

export const AGE_BAND_WEIGHTS: Record<AgeBand, number> = {
  '0-17': 12,
  '18-24': 6,
  '25-64': 30,
  '65-84': 34,
  '85+': 18,
};

export const AGE_RANGES: Record<AgeBand, [number, number]> = {
  '0-17': [1, 17],
  '18-24': [18, 24],
  '25-64': [25, 64],
  '65-84': [65, 84],
  '85+': [85, 103],
};

/** Client group depends on age: dementia and frailty rise with age, learning disability is lifelong. */
export function clientGroupWeights(band: AgeBand): Record<string, number> {
  switch (band) {
    case '0-17':
      return { learning_disability: 45, physical_disability: 25, mental_health: 15, other: 15 };
    case '18-24':
      return {
        learning_disability: 40,
        physical_disability: 20,
        mental_health: 25,
        substance_use: 5,
        other: 10,
      };
    case '25-64':
      return {
        learning_disability: 22,
        physical_disability: 30,
        mental_health: 28,
        substance_use: 10,
        dementia: 2,
        other: 8,
      };
    case '65-84':
      return { older_people: 55, dementia: 20, physical_disability: 15, mental_health: 5, other: 5 };
    default:
      return { older_people: 60, dementia: 35, physical_disability: 3, other: 2 };
  }
}

export const ETHNICITY_WEIGHTS: Record<string, number> = {
  white_scottish: 770,
  white_other_british: 85,
  white_irish: 8,
  white_polish: 15,
  white_gypsy_traveller: 2,
  white_other: 25,
  mixed: 11,
  asian_pakistani: 13,
  asian_indian: 7,
  asian_bangladeshi: 1,
  asian_chinese: 6,
  asian_other: 5,
  african: 11,
  caribbean_or_black: 2,
  arab: 3,
  other: 3,
  prefer_not_to_say: 15,
  /** Not asked yet: no equality row at all. */
  '': 30,
};

export const SEX_WEIGHTS_ADULT: Record<string, number> = { female: 55, male: 44, prefer_not_to_say: 1 };
export const SEX_WEIGHTS_OLDER: Record<string, number> = { female: 64, male: 35, prefer_not_to_say: 1 };
export const SEX_WEIGHTS_CHILD: Record<string, number> = { female: 38, male: 61, prefer_not_to_say: 1 };

/** Localities of a synthetic council; a nation-sized run uses the council names instead. */
export const COUNCIL_LOCALITIES = [
  'Burnside',
  'Castlehill',
  'Eastfield',
  'Glenview',
  'Harbourside',
  'Kirkton',
  'Millbank',
  'Northmuir',
  'Riverside',
  'Westerton',
];
export const NATION_LOCALITIES = [
  'Aberdeen City',
  'Aberdeenshire',
  'Angus',
  'Argyll and Bute',
  'Clackmannanshire',
  'Dumfries and Galloway',
  'Dundee City',
  'East Ayrshire',
  'East Dunbartonshire',
  'East Lothian',
  'East Renfrewshire',
  'City of Edinburgh',
  'Eilean Siar',
  'Falkirk',
  'Fife',
  'Glasgow City',
  'Highland',
  'Inverclyde',
  'Midlothian',
  'Moray',
  'North Ayrshire',
  'North Lanarkshire',
  'Orkney Islands',
  'Perth and Kinross',
  'Renfrewshire',
  'Scottish Borders',
  'Shetland Islands',
  'South Ayrshire',
  'South Lanarkshire',
  'Stirling',
  'West Dunbartonshire',
  'West Lothian',
];

export const FIRST_NAMES_FEMALE = [
  'Agnes',
  'Aileen',
  'Amira',
  'Ava',
  'Catherine',
  'Chloe',
  'Elizabeth',
  'Ella',
  'Fatima',
  'Fiona',
  'Grace',
  'Heather',
  'Isla',
  'Jean',
  'Karolina',
  'Kirsty',
  'Leah',
  'Margaret',
  'Mei',
  'Morag',
  'Nadia',
  'Olivia',
  'Priya',
  'Rhona',
  'Sadia',
  'Sophie',
  'Zofia',
];
export const FIRST_NAMES_MALE = [
  'Adam',
  'Ahmed',
  'Alasdair',
  'Andrew',
  'Callum',
  'Connor',
  'David',
  'Euan',
  'Finlay',
  'George',
  'Hamish',
  'Imran',
  'Jack',
  'James',
  'Jakub',
  'Kenneth',
  'Lewis',
  'Liam',
  'Malcolm',
  'Noah',
  'Oluwaseun',
  'Ravi',
  'Robert',
  'Ruaridh',
  'Thomas',
  'Wei',
  'William',
];
export const SURNAMES = [
  'Ahmed',
  'Anderson',
  'Brown',
  'Campbell',
  'Chen',
  'Clark',
  'Docherty',
  'Douglas',
  'Fraser',
  'Gallacher',
  'Grant',
  'Henderson',
  'Hussain',
  'Johnston',
  'Kaur',
  'Kowalski',
  'MacDonald',
  'MacLeod',
  'Martin',
  'McKenzie',
  'Mitchell',
  'Morrison',
  'Murray',
  'Nowak',
  'Okafor',
  'Paterson',
  'Reid',
  'Ritchie',
  'Robertson',
  'Ross',
  'Scott',
  'Singh',
  'Smith',
  'Stewart',
  'Taylor',
  'Thomson',
  'Watson',
  'Wilson',
  'Young',
];

/**
 * Outcomes as people say them: an opening, then what matters, per outcome area. Put
 * together they read like a conversation, not a form ("I'd like to get to the shops on my own").
 */
export const OUTCOME_OPENINGS = [
  'I want to',
  'I’d like to',
  'I need to be able to',
  'It matters to me to',
  'I want to keep being able to',
];

export const OUTCOME_PHRASES: Record<string, string[]> = {
  feeling_safe: [
    'feel safe in my own home at night',
    'know someone will come if I fall',
    'stop worrying about who is at the door',
    'get out of the house if there is a fire',
  ],
  health: [
    'keep my diabetes under control',
    'get to my hospital appointments without my daughter taking time off',
    'walk a bit further each week',
    'take my tablets at the right times',
    'sleep through the night',
  ],
  where_i_live: [
    'stay in my own flat',
    'live with friends my own age',
    'get up and down my stairs safely',
    'keep my garden the way I like it',
  ],
  people_i_see: [
    'see my grandchildren every week',
    'go to church on Sundays with my friends',
    'visit my brother in the care home',
    'have a cup of tea with someone most days',
    'keep in touch with my pals from school',
  ],
  things_i_do: [
    'go swimming on a Saturday',
    'get to the football with my dad',
    'go to the shops on my own',
    'go back to my art group',
    'walk my dog along the river',
    'go to the cinema with a friend',
  ],
  work_and_learning: [
    'get a job in a café',
    'finish my college course',
    'keep my volunteering at the charity shop',
    'learn to use the bus to get to work',
  ],
  managing_money: [
    'pay my own bills',
    'understand my bank statements',
    'save up for a holiday',
    'choose and pay my own personal assistant',
  ],
  daily_living: [
    'get washed and dressed in the morning without rushing',
    'make my own meals',
    'have a bath when I want one',
    'get to bed at a time I choose',
  ],
  having_a_say: [
    'be listened to at my reviews',
    'choose who helps me',
    'have my say about my own support',
    'use my talking mat to tell people what I think',
  ],
};

export const CHILD_OUTCOME_PHRASES = [
  'go to the youth club with my friends',
  'have sleepovers like my brother does',
  'go to the park after school',
  'learn to swim',
  'do things without my mum always being there',
];

export const PROFESSIONAL_VIEWS = [
  'Agreed. Support should build confidence and reduce reliance on family.',
  'Realistic with the right support in place; review in six months.',
  'Carer is under strain; this outcome also supports the carer.',
  'Risk discussed and enabled: the person understands and accepts it.',
  'A good fit with community resources already nearby.',
];

/** Budget policy of a synthetic council: support units at published rates (pence). */
export const SUPPORT_UNITS = [
  { code: 'pa_hour', name: 'personal assistant support', unit: 'hour', ratePence: 2140 },
  { code: 'agency_hour', name: 'home care from an agency', unit: 'hour', ratePence: 2490 },
  { code: 'day_session', name: 'day opportunity', unit: 'session', ratePence: 4800 },
  { code: 'overnight', name: 'sleepover support', unit: 'night', ratePence: 12000 },
  { code: 'short_break', name: 'short break', unit: 'night', ratePence: 9500 },
];

/** Which unit meets an outcome area, and how many a week (low, high). */
export const AREA_UNITS: Record<string, [string, number, number][]> = {
  feeling_safe: [
    ['overnight', 1, 3],
    ['agency_hour', 2, 7],
  ],
  health: [
    ['agency_hour', 1, 5],
    ['pa_hour', 2, 6],
  ],
  where_i_live: [
    ['pa_hour', 3, 12],
    ['agency_hour', 3, 10],
  ],
  people_i_see: [['pa_hour', 2, 6]],
  things_i_do: [
    ['pa_hour', 2, 8],
    ['day_session', 1, 3],
  ],
  work_and_learning: [
    ['pa_hour', 3, 10],
    ['day_session', 1, 2],
  ],
  managing_money: [['pa_hour', 1, 2]],
  daily_living: [
    ['agency_hour', 5, 21],
    ['pa_hour', 5, 18],
  ],
  having_a_say: [['pa_hour', 1, 2]],
};

export const PROVIDER_FOR_UNIT: Record<string, string> = {
  pa_hour: 'personal_assistant',
  agency_hour: 'provider',
  day_session: 'community_resource',
  overnight: 'provider',
  short_break: 'provider',
};

/**
 * SDS option uptake by client group. Direct payments are taken up less by people with
 * learning disabilities, dementia and mental health needs — the inequity the equity report
 * is there to show (seed texts), reproduced so the report has something true to find.
 */
export function optionWeights(clientGroup: string, ageBand: AgeBand): Record<'1' | '2' | '3' | '4', number> {
  const older = ageBand === '65-84' || ageBand === '85+';
  switch (clientGroup) {
    case 'physical_disability':
      return { '1': 38, '2': 22, '3': 30, '4': 10 };
    case 'learning_disability':
      return { '1': 14, '2': 30, '3': 48, '4': 8 };
    case 'mental_health':
      return { '1': 12, '2': 20, '3': 62, '4': 6 };
    case 'dementia':
      return { '1': 5, '2': 15, '3': 76, '4': 4 };
    case 'older_people':
      return older ? { '1': 8, '2': 17, '3': 70, '4': 5 } : { '1': 15, '2': 20, '3': 60, '4': 5 };
    default:
      return { '1': 20, '2': 20, '3': 52, '4': 8 };
  }
}
