import { addDays, ageOn } from '../../platform/dates.ts';

/**
 * The demo council's people: made up, but varied the way a real caseload is — ages from
 * 8 to 97, every client group, the council's four localities, and the ethnic mix of a
 * Scottish city. Outcomes and conversations are written the way people talk.
 */
export interface DemoPerson {
  name: string;
  preferred?: string;
  pronouns?: string;
  dob: string;
  group: string;
  locality: 'North' | 'South' | 'East' | 'West';
  ethnicity: string;
  religion: string;
  sex: 'female' | 'male' | 'prefer_not_to_say';
  language?: string;
  interpreter?: boolean;
  communication?: string[];
  crisis?: string;
  status?: 'referred' | 'open' | 'closed';
  team: 'north' | 'south' | 'children';
  referredBy: string;
}

const P = (
  name: string,
  dob: string,
  group: string,
  locality: DemoPerson['locality'],
  ethnicity: string,
  sex: DemoPerson['sex'],
  team: DemoPerson['team'],
  referredBy: string,
  extra: Partial<DemoPerson> = {},
): DemoPerson => ({
  name,
  dob,
  group,
  locality,
  ethnicity,
  sex,
  team,
  referredBy,
  religion: 'none',
  ...extra,
});

/** The first three are the demo accounts' people; keep them first. */
export const DEMO_PEOPLE: DemoPerson[] = [
  P(
    'Morag Campbell',
    '1979-03-14',
    'physical_disability',
    'North',
    'white_scottish',
    'female',
    'north',
    'Self',
    { preferred: 'Morag', pronouns: 'she/her', status: 'open', religion: 'church_of_scotland' },
  ),
  P(
    'Callum Reid',
    '2011-06-02',
    'learning_disability',
    'North',
    'white_scottish',
    'male',
    'north',
    'Fiona Reid, mum',
    { preferred: 'Callum', communication: ['easy_read', 'talking_mats'], status: 'open' },
  ),
  P(
    'Agnes Thomson',
    '1938-11-30',
    'older_people',
    'North',
    'white_scottish',
    'female',
    'north',
    'Dr Shah, GP',
    { preferred: 'Nessie', status: 'open', religion: 'church_of_scotland' },
  ),
  P(
    'Hamish MacLeod',
    '1931-02-17',
    'dementia',
    'North',
    'white_scottish',
    'male',
    'north',
    'Royal Infirmary discharge team',
    {
      religion: 'church_of_scotland',
      crisis: 'Wife (main carer) admitted to hospital; Hamish is alone at home and not eating.',
    },
  ),
  P(
    'Bernadette O’Neill',
    '1936-07-04',
    'older_people',
    'South',
    'white_irish',
    'female',
    'south',
    'Daughter',
    { preferred: 'Bernie', religion: 'roman_catholic' },
  ),
  P(
    'Tariq Mahmood',
    '1958-09-22',
    'physical_disability',
    'East',
    'asian_pakistani',
    'male',
    'south',
    'Stroke nurse, Western General',
    { language: 'Urdu', interpreter: true, religion: 'muslim' },
  ),
  P('Shazia Mahmood', '1994-01-30', 'mental_health', 'East', 'asian_pakistani', 'female', 'south', 'Self', {
    religion: 'muslim',
  }),
  P(
    'Krzysztof Nowak',
    '1987-05-11',
    'substance_use',
    'West',
    'white_polish',
    'male',
    'south',
    'Addiction recovery service',
    { preferred: 'Krzys', language: 'Polish', interpreter: true, religion: 'roman_catholic' },
  ),
  P('Anna Kowalska', '1941-12-08', 'older_people', 'West', 'white_polish', 'female', 'south', 'Son', {
    language: 'Polish',
    interpreter: true,
    religion: 'roman_catholic',
  }),
  P(
    'Grace Adeyemi',
    '1969-03-03',
    'mental_health',
    'North',
    'african',
    'female',
    'north',
    'Community mental health team',
    { religion: 'other_christian' },
  ),
  P('Daniel Adeyemi', '2013-10-19', 'learning_disability', 'North', 'african', 'male', 'children', 'School', {
    communication: ['easy_read'],
    religion: 'other_christian',
  }),
  P(
    'Mei Ling Chen',
    '1948-04-25',
    'dementia',
    'East',
    'asian_chinese',
    'female',
    'south',
    'Daughter-in-law',
    { language: 'Cantonese', interpreter: true, religion: 'buddhist' },
  ),
  P('Wei Zhang', '1999-08-14', 'physical_disability', 'East', 'asian_chinese', 'male', 'south', 'Self', {
    pronouns: 'he/him',
  }),
  P(
    'Priyanka Sharma',
    '1975-11-02',
    'physical_disability',
    'South',
    'asian_indian',
    'female',
    'south',
    'Occupational therapist',
    { religion: 'hindu' },
  ),
  P(
    'Gurdeep Singh Dhillon',
    '1944-06-30',
    'older_people',
    'South',
    'asian_indian',
    'male',
    'south',
    'Grandson',
    { language: 'Punjabi', interpreter: true, religion: 'sikh' },
  ),
  P('Nasrin Begum', '1962-02-14', 'mental_health', 'East', 'asian_bangladeshi', 'female', 'south', 'GP', {
    language: 'Sylheti',
    interpreter: true,
    religion: 'muslim',
  }),
  P(
    'Jordan Baptiste',
    '2001-07-07',
    'learning_disability',
    'West',
    'caribbean_or_black',
    'male',
    'north',
    'College',
    { pronouns: 'they/them', communication: ['easy_read'] },
  ),
  P('Leila Haddad', '1983-09-09', 'mental_health', 'North', 'arab', 'female', 'north', 'Self', {
    language: 'Arabic',
    religion: 'muslim',
    crisis: 'Left home after domestic abuse with two children; staying with a friend, no support in place.',
  }),
  P(
    'Johnny Stewart',
    '1972-01-21',
    'substance_use',
    'South',
    'white_gypsy_traveller',
    'male',
    'south',
    'Police Scotland concern report',
    { status: 'referred' },
  ),
  P(
    'Mary Stewart',
    '1950-08-16',
    'older_people',
    'South',
    'white_gypsy_traveller',
    'female',
    'south',
    'Health visitor',
    { religion: 'roman_catholic' },
  ),
  P(
    'Isla Robertson',
    '2016-03-12',
    'physical_disability',
    'North',
    'white_scottish',
    'female',
    'children',
    'Paediatrician',
    { preferred: 'Isla' },
  ),
  P(
    'Euan Robertson',
    '2009-12-01',
    'learning_disability',
    'North',
    'white_scottish',
    'male',
    'children',
    'School',
    { communication: ['talking_mats'] },
  ),
  P('Aoife Brennan', '2010-05-05', 'mental_health', 'West', 'white_irish', 'female', 'children', 'CAMHS', {
    pronouns: 'she/her',
  }),
  P(
    'Ruaridh Morrison',
    '2008-11-23',
    'physical_disability',
    'West',
    'white_scottish',
    'male',
    'children',
    'Mum',
    { communication: ['bsl'], language: 'British Sign Language', interpreter: true },
  ),
  P(
    'Kirsty Paterson',
    '1990-04-18',
    'learning_disability',
    'North',
    'white_scottish',
    'female',
    'north',
    'Mum',
    { communication: ['easy_read'] },
  ),
  P(
    'Graham Paterson',
    '1961-10-10',
    'physical_disability',
    'North',
    'white_scottish',
    'male',
    'north',
    'Self',
    { religion: 'church_of_scotland' },
  ),
  P('Fiona McKay', '1955-06-06', 'dementia', 'North', 'white_scottish', 'female', 'north', 'Husband', {
    religion: 'church_of_scotland',
  }),
  P(
    'Archibald Fraser',
    '1929-09-29',
    'older_people',
    'North',
    'white_scottish',
    'male',
    'north',
    'Neighbour',
    { preferred: 'Archie', religion: 'church_of_scotland' },
  ),
  P('Elizabeth Fraser', '1933-03-31', 'dementia', 'North', 'white_scottish', 'female', 'north', 'GP', {
    preferred: 'Betty',
    religion: 'church_of_scotland',
  }),
  P('Donald Munro', '1940-12-25', 'older_people', 'East', 'white_scottish', 'male', 'south', 'Self', {
    religion: 'church_of_scotland',
  }),
  P(
    'Catriona MacDonald',
    '1985-02-02',
    'mental_health',
    'East',
    'white_scottish',
    'female',
    'south',
    'Community psychiatric nurse',
    { preferred: 'Cat' },
  ),
  P(
    'Darren Gillespie',
    '1990-07-19',
    'mental_health',
    'South',
    'white_scottish',
    'male',
    'south',
    'Mental health officer',
    { status: 'open' },
  ),
  P(
    'Steven Wallace',
    '1978-03-08',
    'substance_use',
    'South',
    'white_scottish',
    'male',
    'south',
    'Criminal justice social work',
    { status: 'open' },
  ),
  P('Lorraine Wallace', '1980-10-30', 'substance_use', 'South', 'white_scottish', 'female', 'south', 'Self', {
    status: 'closed',
  }),
  P(
    'Rhona Sinclair',
    '1967-05-27',
    'physical_disability',
    'West',
    'white_scottish',
    'female',
    'north',
    'Spinal injuries unit',
    { religion: 'none' },
  ),
  P(
    'Alasdair Grant',
    '1998-12-12',
    'physical_disability',
    'West',
    'white_scottish',
    'male',
    'north',
    'Self',
    { pronouns: 'he/him' },
  ),
  P(
    'Jamie Kerr',
    '1996-06-21',
    'learning_disability',
    'West',
    'white_scottish',
    'prefer_not_to_say',
    'north',
    'Support provider',
    { pronouns: 'they/them', communication: ['easy_read'] },
  ),
  P('Margaret Bell', '1926-01-15', 'older_people', 'North', 'white_scottish', 'female', 'north', 'Daughter', {
    preferred: 'Peggy',
    religion: 'church_of_scotland',
  }),
  P(
    'William Anderson',
    '1934-08-08',
    'dementia',
    'South',
    'white_other_british',
    'male',
    'south',
    'Care home manager',
    { preferred: 'Bill' },
  ),
  P('Joan Anderson', '1937-04-04', 'older_people', 'South', 'white_other_british', 'female', 'south', 'Son', {
    religion: 'other_christian',
  }),
  P(
    'Thomas Hughes',
    '1952-09-01',
    'physical_disability',
    'East',
    'white_other_british',
    'male',
    'south',
    'Self',
    { preferred: 'Tam' },
  ),
  P(
    'Sandra Hughes',
    '1957-02-28',
    'mental_health',
    'East',
    'white_other_british',
    'female',
    'south',
    'GP',
    {},
  ),
  P('Ahmed Hassan', '1973-11-11', 'physical_disability', 'North', 'african', 'male', 'north', 'Renal unit', {
    language: 'Somali',
    interpreter: true,
    religion: 'muslim',
  }),
  P(
    'Amina Hassan',
    '2012-08-20',
    'learning_disability',
    'North',
    'african',
    'female',
    'children',
    'School nurse',
    { communication: ['easy_read', 'talking_mats'], religion: 'muslim' },
  ),
  P('Oluwaseun Okafor', '1988-01-09', 'mental_health', 'South', 'african', 'male', 'south', 'Self', {
    preferred: 'Seun',
  }),
  P(
    'Rosa Fernandes',
    '1964-07-15',
    'physical_disability',
    'West',
    'white_other',
    'female',
    'north',
    'Hospital social work',
    { language: 'Portuguese', religion: 'roman_catholic' },
  ),
  P('Giovanni Rossi', '1939-05-18', 'older_people', 'West', 'white_other', 'male', 'north', 'Daughter', {
    preferred: 'Gianni',
    language: 'Italian',
    religion: 'roman_catholic',
  }),
  P('Lucy Chambers', '1992-03-25', 'physical_disability', 'North', 'mixed', 'female', 'north', 'Self', {
    communication: ['bsl'],
    language: 'British Sign Language',
    interpreter: true,
  }),
  P(
    'Marcus Chambers',
    '2015-09-14',
    'learning_disability',
    'North',
    'mixed',
    'male',
    'children',
    'Health visitor',
    {},
  ),
  P('Sunita Patel', '1946-10-05', 'dementia', 'East', 'asian_indian', 'female', 'south', 'Son', {
    language: 'Gujarati',
    interpreter: true,
    religion: 'hindu',
  }),
  P(
    'Imran Akhtar',
    '1981-04-12',
    'substance_use',
    'East',
    'asian_pakistani',
    'male',
    'south',
    'A&E liaison',
    { religion: 'prefer_not_to_say' },
  ),
  P(
    'Eilidh Murray',
    '1999-02-08',
    'mental_health',
    'North',
    'white_scottish',
    'female',
    'north',
    'University wellbeing service',
    {},
  ),
  P('Callum Docherty', '1970-08-29', 'other', 'South', 'white_scottish', 'male', 'south', 'Housing officer', {
    status: 'referred',
  }),
  P(
    'Jean Docherty',
    '1932-12-19',
    'older_people',
    'South',
    'white_scottish',
    'female',
    'south',
    'District nurse',
    { religion: 'roman_catholic' },
  ),
  P(
    'Robert Kennedy',
    '1945-03-17',
    'physical_disability',
    'West',
    'white_scottish',
    'male',
    'north',
    'Self',
    { preferred: 'Rab' },
  ),
  P('Helen Kennedy', '1947-11-27', 'dementia', 'West', 'white_scottish', 'female', 'north', 'Husband', {}),
  P('Yusuf Ali', '2007-04-03', 'physical_disability', 'East', 'asian_other', 'male', 'children', 'Mum', {
    religion: 'muslim',
  }),
  P('Hannah Levy', '1960-06-13', 'mental_health', 'West', 'white_other_british', 'female', 'north', 'Self', {
    religion: 'jewish',
  }),
  P(
    'Chloe Mitchell',
    '2004-12-30',
    'learning_disability',
    'South',
    'white_scottish',
    'female',
    'south',
    'Children and Families (transition)',
    { communication: ['easy_read'] },
  ),
  P('Ian McIntosh', '1953-01-05', 'other', 'North', 'white_scottish', 'male', 'north', 'Self', {
    religion: 'church_of_scotland',
    status: 'closed',
  }),
  P(
    'Patricia Gallagher',
    '1930-10-10',
    'older_people',
    'East',
    'white_irish',
    'female',
    'south',
    'Church elder',
    { preferred: 'Pat', religion: 'roman_catholic' },
  ),
  P(
    'Zainab Yusuf',
    '1977-07-27',
    'physical_disability',
    'South',
    'african',
    'female',
    'south',
    'Physiotherapist',
    { language: 'Hausa', religion: 'muslim' },
  ),
  P(
    'Sean Doyle',
    '1984-09-16',
    'substance_use',
    'North',
    'white_irish',
    'male',
    'north',
    'Homelessness team',
    { crisis: 'Evicted from temporary accommodation this week; mental health deteriorating.' },
  ),
  P('Moira Baird', '1942-05-09', 'older_people', 'West', 'white_scottish', 'female', 'north', 'Self', {
    communication: ['other'],
    religion: 'church_of_scotland',
  }),
];

export interface Said {
  /** Who these words can be from: the words name a sex, an age or years lived (a husband, "sixty year"). */
  who?: { sex?: DemoPerson['sex']; minAge?: number; maxAge?: number };
  matters: string;
  working: string;
  notWorking: string;
  change: string;
  worker: string;
  outcomes: { area: string; words: string; view: string }[];
}

/** What people in each client group said, in their words; each person gets one, in turn. */
export const SAID: Record<string, Said[]> = {
  older_people: [
    {
      who: { minAge: 76 },
      matters: 'I want to stay in my own house. I’ve been here sixty year and I’m no’ moving now.',
      working: 'My neighbour Jean pops in most mornings and we have a cup of tea.',
      notWorking: 'The stairs. I’ve not been up to my bed in a month, I sleep in the chair.',
      change: 'I’d like a wee bit of help in the mornings so I’m not struggling with my stockings.',
      worker:
        'Falls risk is real, but staying at home is what matters; a stairlift assessment and morning support would make that safe.',
      outcomes: [
        {
          area: 'where_i_live',
          words: 'I want to stay in my own house.',
          view: 'Achievable with adaptations and a morning visit; OT referral made.',
        },
        {
          area: 'people_i_see',
          words: 'I’d like to get back to the lunch club on a Thursday.',
          view: 'Transport is the barrier, not health.',
        },
      ],
    },
    {
      who: { minAge: 60 },
      matters: 'Seeing the grandweans. And my garden, I cannae let it go to rack and ruin.',
      working: 'My son does my shopping on a Saturday.',
      notWorking: 'I get that lonely in the evenings. The telly’s no company.',
      change: 'Somebody to go out with. Even just to the shops.',
      worker: 'Low mood linked to isolation; strong family but they work full time.',
      outcomes: [
        {
          area: 'people_i_see',
          words: 'I don’t want to be stuck in the house every night on my own.',
          view: 'Befriending plus a community group would help; keen to try both.',
        },
        {
          area: 'things_i_do',
          words: 'I want to keep my garden going.',
          view: 'A gardening volunteer once a fortnight would cover the heavy work.',
        },
      ],
    },
  ],
  dementia: [
    {
      who: { sex: 'male', minAge: 80 },
      matters: 'My wife. We’ve been married sixty year. I want to be where she is.',
      working: 'The day centre on a Wednesday, I like the singing.',
      notWorking: 'I get muddled with my tablets. I took them twice on Tuesday.',
      change: 'Somebody there at teatime. My daughter says so too.',
      worker: 'Medication support needed; keeping the couple together is what matters most to both of them.',
      outcomes: [
        {
          area: 'people_i_see',
          words: 'I want to stay with my wife.',
          view: 'Support at home for both of them is the priority; respite whenever his wife, the main carer, needs a break.',
        },
        {
          area: 'health',
          words: 'I don’t want to get my pills wrong.',
          view: 'Dosette and prompt at teatime.',
        },
      ],
    },
    {
      matters: 'Music. Put on the old songs and I’m away.',
      working: 'My daughter comes every day after her work.',
      notWorking: 'She’s exhausted. I can see it.',
      change: 'Something for me during the day so she gets a rest.',
      worker: 'Carer stress is high; a break for the daughter will sustain the arrangement.',
      outcomes: [
        {
          area: 'things_i_do',
          words: 'I want to go to the singing group.',
          view: 'Dementia-friendly choir on Fridays; escort needed.',
        },
        {
          area: 'people_i_see',
          words: 'I want my daughter to have a rest, she does too much.',
          view: 'Carer support plan offered to the daughter too.',
        },
      ],
    },
  ],
  learning_disability: [
    {
      matters: 'My own flat. My own key.',
      working: 'I like my job at the café, I do the tables and the till sometimes.',
      notWorking: 'Mum does everything for me. I want to do it myself.',
      change: 'I want to learn to cook proper dinners, not just toast.',
      worker: 'Capable of much more independence than the current arrangement allows; skills-building first.',
      outcomes: [
        {
          area: 'where_i_live',
          words: 'I want my own flat with my own key.',
          view: 'Realistic within two years with a tenancy support plan.',
        },
        {
          area: 'daily_living',
          words: 'I want to cook my own tea.',
          view: 'Cookery sessions with a PA, twice a week.',
        },
      ],
    },
    {
      matters: 'Football. Hibs. Going to the game with my pals.',
      working: 'Swimming on a Saturday.',
      notWorking: 'I don’t like the bus on my own, people shout.',
      change: 'Go to the match without my mum.',
      worker: 'Travel training and a PA who shares the interest would open a lot up.',
      outcomes: [
        {
          area: 'things_i_do',
          words: 'I want to go to the football with my pals, not my mum.',
          view: 'PA matched on interests; travel training first.',
        },
        {
          area: 'work_and_learning',
          words: 'I want a real job with real pay.',
          view: 'Supported employment referral.',
        },
      ],
    },
  ],
  physical_disability: [
    {
      matters: 'Getting out of the house when I want, not when the carers come.',
      working: 'My wheelchair is great now it’s been fixed.',
      notWorking: 'Carers come at half seven at night to put me to bed, like a wean.',
      change: 'Pick my own PAs and my own times.',
      worker: 'A direct payment would give the control being asked for; has managed staff before.',
      outcomes: [
        {
          area: 'daily_living',
          words: 'I want to choose when I get up and when I go to bed.',
          view: 'Direct payment with two PAs would allow this.',
        },
        {
          area: 'work_and_learning',
          words: 'I want to go back to work part-time.',
          view: 'Access to Work plus evening support fits.',
        },
      ],
    },
    {
      who: { sex: 'male', maxAge: 60 },
      matters: 'Being a dad. Taking the kids to school.',
      working: 'The adapted car.',
      notWorking: 'The bathroom. I can’t get in the bath and I won’t let my wife help me, it’s not right.',
      change: 'A wet room. And some help so my wife is my wife, not my carer.',
      worker: 'Housing adaptation, and personal care from someone other than a wife who wants to be a wife.',
      outcomes: [
        {
          area: 'where_i_live',
          words: 'I want a shower I can use myself.',
          view: 'Adaptation referral; interim personal care.',
        },
        {
          area: 'people_i_see',
          words: 'I want my wife to be my wife again, not my carer.',
          view: 'Important for the whole family; personal care from a PA.',
        },
      ],
    },
    {
      who: { minAge: 55 },
      matters: 'Getting out to see my family and my friends, like I used to.',
      working: 'My family help me with the forms and the shopping.',
      notWorking: 'Since I took ill I cannae manage the bath or the stairs on my own.',
      change: 'Help in the mornings, and a way to get out again.',
      worker:
        'Rehabilitation is going well; morning personal care and a community group would rebuild confidence.',
      outcomes: [
        {
          area: 'daily_living',
          words: 'I want to wash and dress myself again.',
          view: 'Six weeks of reablement, then a review.',
        },
        {
          area: 'people_i_see',
          words: 'I want to get out to see my friends again.',
          view: 'Accessible transport and a community group.',
        },
      ],
    },
  ],
  mental_health: [
    {
      who: { sex: 'female', maxAge: 70 },
      matters: 'Feeling like myself again. Being a good mum.',
      working: 'My CPN, she listens.',
      notWorking: 'Mornings. I can’t get out of bed some days and the house gets on top of me.',
      change: 'Somebody to help me get going in the morning, a couple of days a week.',
      worker: 'Practical support in the mornings would prevent the spiral into crisis we saw last spring.',
      outcomes: [
        {
          area: 'health',
          words: 'I want to feel like me again.',
          view: 'Recovery-focused support alongside CPN input.',
        },
        {
          area: 'daily_living',
          words: 'I want to keep on top of the house so I’m not ashamed when folk come round.',
          view: 'Two mornings a week of practical support.',
        },
      ],
    },
    {
      matters: 'My music. I used to play guitar in a band.',
      working: 'The peer support group on a Monday night.',
      notWorking: 'Being in the flat all day. My head goes.',
      change: 'Get back into music, maybe teach it.',
      worker: 'Structure and purpose are protective.',
      outcomes: [
        {
          area: 'things_i_do',
          words: 'I want to play music with other people again.',
          view: 'Community music project; funding for lessons.',
        },
        {
          area: 'feeling_safe',
          words: 'I want to know who to phone when it gets bad.',
          view: 'Crisis plan agreed together with the CMHT.',
        },
      ],
    },
  ],
  substance_use: [
    {
      who: { maxAge: 65 },
      matters: 'Staying off it. Getting my boys back at the weekends.',
      working: 'The recovery café. I go every day.',
      notWorking: 'My flat’s damp and there’s folk round the stair still using.',
      change: 'A fresh start somewhere else.',
      worker: 'Eleven months in recovery; housing is the biggest risk to it.',
      outcomes: [
        {
          area: 'people_i_see',
          words: 'I want my boys to stay over at the weekend.',
          view: 'Contact being reviewed; stable housing will help.',
        },
        {
          area: 'where_i_live',
          words: 'I want to move away from the stair.',
          view: 'Housing referral with a support letter.',
        },
      ],
    },
  ],
  other: [
    {
      matters: 'A roof over my head that’s mine.',
      working: 'Not much just now, to be honest.',
      notWorking: 'Money. The benefits got stopped and I don’t understand the letters.',
      change: 'Somebody to help me with the forms.',
      worker: 'Welfare rights referral first; then look at what support is needed.',
      outcomes: [
        {
          area: 'managing_money',
          words: 'I want to understand my money and stop getting letters I can’t read.',
          view: 'Welfare rights and appointeeship discussion.',
        },
      ],
    },
  ],
};

/** A child's conversation: their own views, and their parents’ views, kept apart; the words suit their age. */
export const CHILD_SAID = {
  /** Under 12: the move to secondary school ahead. */
  younger: {
    child: 'I want to go to the big school with my friends. And I want to do swimming on my own.',
    parent: (they: string) =>
      `We’re worried about the move to secondary. ${they} needs someone there at lunchtimes.`,
    outcome: {
      area: 'things_i_do',
      words: 'I want to go swimming with my friends, not just with Mum.',
      view: 'Buddy support at the leisure centre on Saturdays.',
    },
  },
  /** 12 to 17: secondary school now, leaving it ahead. */
  older: {
    child: 'I want to go to college when I leave school. And I want to do swimming on my own.',
    parent: (they: string) =>
      `We’re worried about leaving school. ${they} needs someone there to start with.`,
    outcome: {
      area: 'things_i_do',
      words: 'I want to go swimming with my friends, not just with Mum.',
      view: 'Buddy support at the leisure centre on Saturdays.',
    },
  },
};

/** "She", "He" or "They": what the person is called, from their pronouns, else their sex. */
export function subjectPronoun(p: DemoPerson): 'She' | 'He' | 'They' {
  const given = p.pronouns?.split('/')[0];
  if (given === 'she' || (!given && p.sex === 'female')) return 'She';
  if (given === 'he' || (!given && p.sex === 'male')) return 'He';
  return 'They';
}

const fits = (said: Said, p: DemoPerson, age: number) =>
  (!said.who?.sex || said.who.sex === p.sex) &&
  (said.who?.minAge === undefined || age >= said.who.minAge) &&
  (said.who?.maxAge === undefined || age <= said.who.maxAge);

/**
 * What the i-th demo person said: their client group's words in turn, skipping any that could
 * not be theirs (a wife of sixty years for a woman of seventy). Both the people and the
 * conversations seeders ask here, so the referral reason and the conversation agree.
 */
export function saidFor(p: DemoPerson, i: number, on: string, said: Record<string, Said[]> = SAID): Said {
  const all = said[p.group] ?? SAID[p.group] ?? SAID.other!;
  const age = ageOn(p.dob, on);
  for (let n = 0; n < all.length; n++) {
    const said = all[(i + n) % all.length]!;
    if (fits(said, p, age)) return said;
  }
  throw new Error(`No demo words fit ${p.name} (${p.group}, ${p.sex}, ${age})`);
}

/** A child's words and their parent's, for their age. */
export function childSaidFor(p: DemoPerson, on: string) {
  const said = ageOn(p.dob, on) < 12 ? CHILD_SAID.younger : CHILD_SAID.older;
  return { child: said.child, parent: said.parent(subjectPronoun(p)), outcome: said.outcome };
}

/**
 * When things happened in the demo, in days before the day it is seeded, so they come in the
 * order they do in life: referral, good conversation, eligibility, options, the plan signed
 * and agreed, then the contribution and direct payments from the plan's start.
 */
export const DEMO_DAYS_AGO = {
  eligibilityDecided: 100,
  optionsChosen: 90,
  planSigned: 84,
  planAgreed: 80,
  contributionFrom: 70,
  paymentsStart: 56,
} as const;

/** The i-th demo person's referral: between 130 and 429 days ago. */
export const referralDate = (i: number, today: string) => addDays(today, -((i * 11) % 300) - 130);

/** Their good conversation: one to four weeks after the referral, before eligibility is decided. */
export const conversationDate = (i: number, today: string) =>
  addDays(referralDate(i, today), 7 + ((i * 7) % 21));
