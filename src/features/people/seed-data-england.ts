import { DEMO_PEOPLE, type DemoPerson, SAID, type Said } from './seed-data.ts';

/**
 * The English demo council's people: a handful, made up, with English names and words, all
 * adults (Care Act assessments). Rachel Holloway is the borough's demo person; keep her first.
 * Dates of birth are chosen so nobody's words say an age or years that cannot be theirs.
 */
export const DEMO_ENGLISH_PEOPLE: DemoPerson[] = [
  {
    name: 'Rachel Holloway',
    preferred: 'Rachel',
    pronouns: 'she/her',
    dob: '1986-05-09',
    group: 'physical_disability',
    locality: 'North',
    ethnicity: 'white_other_british',
    religion: 'none',
    sex: 'female',
    status: 'open',
    team: 'north',
    referredBy: 'Self',
  },
  {
    name: 'Dennis Parker',
    dob: '1941-08-23',
    group: 'older_people',
    locality: 'South',
    ethnicity: 'white_other_british',
    religion: 'other_christian',
    sex: 'male',
    status: 'open',
    team: 'north',
    referredBy: 'Practice nurse, Fairfield Surgery',
  },
  {
    name: 'Amira Hassan',
    dob: '1993-01-15',
    group: 'mental_health',
    locality: 'East',
    ethnicity: 'arab',
    religion: 'muslim',
    sex: 'female',
    language: 'English',
    status: 'open',
    team: 'north',
    referredBy: 'Community mental health team',
  },
  {
    name: 'Tom Barker',
    dob: '1999-10-02',
    group: 'learning_disability',
    locality: 'West',
    ethnicity: 'white_other_british',
    religion: 'none',
    sex: 'male',
    communication: ['easy_read'],
    status: 'open',
    team: 'north',
    referredBy: 'Preparing for Adulthood team',
  },
  {
    name: 'Margaret Ellis',
    preferred: 'Peggy',
    dob: '1935-03-28',
    group: 'dementia',
    locality: 'North',
    ethnicity: 'caribbean_or_black',
    religion: 'other_christian',
    sex: 'female',
    status: 'open',
    team: 'north',
    referredBy: 'Hospital discharge team, Demoborough General',
  },
];

/** What the borough's people said, in their words, by client group (one each). */
export const ENGLISH_SAID: Record<string, Said[]> = {
  physical_disability: [
    {
      who: { maxAge: 60 },
      matters: 'Being independent. Working, seeing my friends, going to the gym.',
      working: 'My powerchair, and my flat now the kitchen is lowered.',
      notWorking: 'The agency sends someone different every morning and they come whenever they like.',
      change: 'Employ my own assistants and choose when they come.',
      worker:
        'Rachel has managed staff in her old job and wants control of her support; a direct payment fits.',
      outcomes: [
        {
          area: 'daily_living',
          words: 'I want to get up and ready for work at the time I choose.',
          view: 'A personal assistant in the mornings, paid by direct payment.',
        },
        {
          area: 'people_i_see',
          words: 'I want to go out with my friends in the evening without planning it a week ahead.',
          view: 'Evening hours from the same assistant.',
        },
      ],
    },
  ],
  older_people: [
    {
      who: { minAge: 70, sex: 'male' },
      matters: 'My allotment, and the lads at the British Legion on a Thursday.',
      working: 'My daughter pops in on Sundays and does a big shop.',
      notWorking: 'Since my fall I am frightened of the stairs and I have stopped going out.',
      change: 'Someone to help me in the mornings, and a lift to the Legion.',
      worker:
        'He is losing confidence after a fall; morning help and getting back out would make a real difference.',
      outcomes: [
        {
          area: 'daily_living',
          words: 'I want help getting washed and dressed so I do not fall again.',
          view: 'Home care in the mornings from the council’s framework agency.',
        },
        {
          area: 'things_i_do',
          words: 'I want to get back to the Legion on a Thursday.',
          view: 'A day opportunity with transport, once a week.',
        },
      ],
    },
  ],
  mental_health: [
    {
      who: { sex: 'female', maxAge: 60 },
      matters: 'Keeping well, and finishing my college course.',
      working: 'My care coordinator, and the women’s group at the community centre.',
      notWorking: 'When I am low I stop eating properly and the bills pile up.',
      change: 'Regular help to keep on top of things before it gets bad.',
      worker: 'Practical support twice a week would help her stay well and keep her tenancy.',
      outcomes: [
        {
          area: 'where_i_live',
          words: 'I want to keep my flat and keep on top of the bills.',
          view: 'Tenancy support two hours a week.',
        },
        {
          area: 'work_and_learning',
          words: 'I want to finish my course at college.',
          view: 'A support worker for the first term.',
        },
      ],
    },
  ],
  learning_disability: [
    {
      who: { maxAge: 40 },
      matters: 'My job at the café on Saturdays. Seeing my friends.',
      working: 'My mum helps me with money and my phone.',
      notWorking: 'I want to get the bus on my own but I get lost.',
      change: 'Learn to do the bus and go to the café by myself.',
      worker:
        'Travel training and a personal assistant who shares his interests would open a lot up for him.',
      outcomes: [
        {
          area: 'things_i_do',
          words: 'I want to go to the café and my club by myself.',
          view: 'Travel training, then a personal assistant at weekends.',
        },
      ],
    },
  ],
  dementia: [
    {
      who: { minAge: 75, sex: 'female' },
      matters: 'My church, my hymns, and my grandchildren.',
      working: 'My nephew does my shopping and sorts my tablets.',
      notWorking: 'I forget to eat and I get muddled at night.',
      change: 'Someone to come in and have a cup of tea with me and check I have eaten.',
      worker: 'Peggy wants to stay at home; regular visits and a short break for her nephew would help.',
      outcomes: [
        {
          area: 'health',
          words: 'I want to have a proper dinner every day.',
          view: 'Home care at lunchtime and teatime.',
        },
        {
          area: 'feeling_safe',
          words: 'I want to feel safe at home at night.',
          view: 'A personal assistant some evenings, and a community alarm.',
        },
      ],
    },
  ],
};

/** Street names for the borough's made-up addresses (none real together with the ZZ postcode). */
export const ENGLISH_STREETS = ['Mill Lane', 'Station Road', 'Victoria Street', 'Chapel Row', 'Park Avenue'];

/** A council's demo caseload and the words its people said, by nation. */
export function demoCaseload(nation: 'scotland' | 'england'): {
  people: DemoPerson[];
  said: Record<string, Said[]>;
} {
  return nation === 'england'
    ? { people: DEMO_ENGLISH_PEOPLE, said: ENGLISH_SAID }
    : { people: DEMO_PEOPLE, said: SAID };
}
