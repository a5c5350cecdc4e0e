import { randomUUID } from 'node:crypto';
import { users } from '../../platform/auth/schema.ts';
import { addDays, addMonths, todayInLondon } from '../../platform/dates.ts';
import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { chiDatePartFor, modulus11CheckDigit } from './identifiers.ts';
import {
  circleMembers,
  legalOrders,
  localities,
  people,
  personEquality,
  personRelationships,
  representatives,
  supportOffers,
} from './schema.ts';
import { DEMO_PEOPLE, type DemoPerson, referralDate, saidFor } from './seed-data.ts';
import { DEMO_ENGLISH_PEOPLE, ENGLISH_SAID, ENGLISH_STREETS } from './seed-data-england.ts';

/** A valid CHI number for a date of birth: the date, a serial, the sex digit, the check digit. */
function chiFor(dob: string, serial: number, sex: DemoPerson['sex']): string {
  for (let n = serial; ; n++) {
    const sexDigit = (n % 5) * 2 + (sex === 'male' ? 1 : 0);
    const nine = `${chiDatePartFor(dob)}${String(n % 100).padStart(2, '0')}${sexDigit}`;
    const check = modulus11CheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

const STREETS = [
  'Ferry Road',
  'Gorgie Road',
  'Easter Road',
  'Calder Road',
  'Portobello High Street',
  'Leith Walk',
  'Dalry Road',
  'Craigmillar Castle Avenue',
];
const POSTCODES = { North: 'EH5 2', South: 'EH16 4', East: 'EH7 5', West: 'EH11 3' } as const;

/**
 * The demo council's caseload, in one transaction with set-based inserts: 64 people with
 * their record, circle, representatives, support offered and legal orders (their good
 * conversation and outcomes follow in conversations/seed.ts). Morag signs in as herself, Fiona Reid acts for her
 * son Callum, and the support organisation and provider work with Agnes (Nessie).
 */
export const seedDemoPeople: DemoSeeder = async (tx, context) => {
  if (context.nation === 'england') return seedEnglishPeople(tx, context);
  const { authorityId, teams } = context;
  const today = todayInLondon();
  const passwordHash = context.shared.passwordHash as string | undefined;

  // Two more workers (so another team's worker can be shown refused) and Morag's sister.
  const extra = await tx
    .insert(users)
    .values([
      {
        authorityId,
        email: 'worker.south@demo.selfdirect.test',
        displayName: 'Ewan Fraser',
        role: 'worker' as const,
        teamId: teams.south,
        passwordHash,
      },
      {
        authorityId,
        email: 'worker.children@demo.selfdirect.test',
        displayName: 'Aisha Rahman',
        role: 'worker' as const,
        teamId: teams.children,
        passwordHash,
      },
      {
        authorityId,
        email: 'circle@demo.selfdirect.test',
        displayName: 'Eilidh Campbell',
        role: 'circle_member' as const,
        passwordHash,
      },
    ])
    .returning({ id: users.id });
  const [southWorker, childrenWorker, sister] = extra.map((u) => u.id) as [string, string, string];
  Object.assign(context.users, { workerSouth: southWorker, workerChildren: childrenWorker, circle: sister });
  context.shared.demoWorkers = {
    north: { id: context.users.worker!, name: 'Sam Okafor' },
    south: { id: southWorker, name: 'Ewan Fraser' },
    children: { id: childrenWorker, name: 'Aisha Rahman' },
  };

  const workerFor = { north: context.users.worker!, south: southWorker, children: childrenWorker };
  const ids = DEMO_PEOPLE.map(() => randomUUID());
  const [morag, callum, agnes] = ids as [string, string, string];
  const idOf = (name: string) => ids[DEMO_PEOPLE.findIndex((p) => p.name === name)]!;

  // The council's localities, from the areas the demo people live in; a record holds the code.
  const areas = [...new Set(DEMO_PEOPLE.map((p) => p.locality))];
  await tx
    .insert(localities)
    .values(areas.map((area) => ({ authorityId, code: area.toLowerCase(), name: `${area} Locality` })));

  await tx.insert(people).values(
    DEMO_PEOPLE.map((p, i) => ({
      authorityId,
      id: ids[i]!,
      legalName: p.name,
      preferredName: p.preferred ?? null,
      pronouns: p.pronouns ?? null,
      dateOfBirth: p.dob,
      phone: `0131 496 ${String(1000 + i * 37).slice(-4)}`,
      addressLine1: `${10 + ((i * 7) % 180)} ${STREETS[i % STREETS.length]}`,
      town: 'Edinburgh',
      postcode: `${POSTCODES[p.locality]}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20]}${'ABDEFGHJLNPQRSTUWXYZ'[(i * 3) % 20]}`,
      locality: p.locality.toLowerCase(),
      // One in eight has no CHI number recorded yet, as happens with a new referral.
      chiNumber: i % 8 === 7 ? null : chiFor(p.dob, i * 3 + 10, p.sex),
      mainLanguage: p.language ?? 'English',
      interpreterNeeded: p.interpreter ?? false,
      communicationNeeds: p.communication ?? [],
      communicationOther: p.communication?.includes('other') ? 'Large print and a hearing loop' : null,
      clientGroup: p.group,
      crisis: Boolean(p.crisis),
      crisisReason: p.crisis ?? null,
      status: p.status ?? (p.crisis ? 'open' : i % 5 === 4 ? 'referred' : 'open'),
      referredBy: p.referredBy,
      referralReason: saidFor(p, i, today).notWorking,
      referralUrgency: p.crisis
        ? ('urgent' as const)
        : i % 3 === 0
          ? ('soon' as const)
          : ('routine' as const),
      referredOn: referralDate(i, today),
      // Agnes is held by the team, with no named worker: the team and its manager see her.
      allocatedTeamId: teams[p.team],
      allocatedWorkerId: i === 2 || i % 11 === 10 ? null : workerFor[p.team],
    })),
  );

  const ETHNIC_ANSWER = (p: DemoPerson, i: number) => (i % 13 === 12 ? 'prefer_not_to_say' : p.ethnicity);
  await tx.insert(personEquality).values(
    DEMO_PEOPLE.flatMap((p, i) =>
      // A few have not been asked yet: equity reports count them as "not recorded".
      i % 9 === 8
        ? []
        : [
            {
              authorityId,
              personId: ids[i]!,
              ethnicity: ETHNIC_ANSWER(p, i),
              disability: i % 10 === 9 ? 'prefer_not_to_say' : 'yes',
              sex: p.sex,
              genderIdentity: p.pronouns === 'they/them' ? 'prefer_not_to_say' : 'no',
              religion: p.religion,
            },
          ],
    ),
  );

  const selfId = randomUUID();
  const callumRepId = randomUUID();
  const sisterId = randomUUID();
  await tx.insert(personRelationships).values([
    {
      authorityId,
      id: selfId,
      personId: morag,
      userId: context.users.person!,
      kind: 'self',
      validFrom: '2020-01-01',
    },
    {
      authorityId,
      id: callumRepId,
      personId: callum,
      userId: context.users.representative!,
      kind: 'representative',
      powers: ['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions'],
      validFrom: '2011-06-02',
      validTo: '2027-06-01',
    },
    {
      authorityId,
      id: sisterId,
      personId: morag,
      userId: sister,
      kind: 'circle_member',
      powers: ['view_record', 'contribute'],
      validFrom: '2024-03-01',
    },
    {
      authorityId,
      personId: agnes,
      userId: context.users.support!,
      kind: 'support_organisation',
      powers: ['view_record', 'manage_direct_payment'],
      validFrom: '2024-01-01',
    },
    {
      authorityId,
      personId: agnes,
      userId: context.users.provider!,
      kind: 'provider',
      validFrom: '2024-01-01',
    },
  ]);

  await tx.insert(representatives).values([
    {
      authorityId,
      personId: callum,
      name: 'Fiona Reid',
      kind: 'parent_with_parental_responsibility',
      powers: ['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions'],
      startDate: '2011-06-02',
      endDate: '2027-06-01',
      evidenceReference: 'Birth certificate seen 3 March 2023',
      userId: context.users.representative!,
      relationshipId: callumRepId,
    },
    {
      authorityId,
      personId: idOf('Hamish MacLeod'),
      name: 'Isobel MacLeod',
      kind: 'welfare_power_of_attorney',
      powers: ['welfare_decisions', 'view_record', 'sign_support_plan'],
      startDate: '2019-05-14',
      evidenceReference: 'OPG registration PA-2019-118274',
    },
    {
      authorityId,
      personId: idOf('Elizabeth Fraser'),
      name: 'Alan Fraser',
      kind: 'welfare_guardian',
      powers: ['welfare_decisions', 'financial_decisions', 'view_record', 'sign_support_plan'],
      startDate: '2023-09-01',
      endDate: '2027-08-31',
      evidenceReference: 'Sheriff Court guardianship order AW-2023-0412',
    },
    {
      authorityId,
      personId: idOf('Mei Ling Chen'),
      name: 'Kenneth Chen',
      kind: 'continuing_power_of_attorney',
      powers: ['financial_decisions', 'manage_direct_payment', 'view_record'],
      startDate: '2021-02-10',
      evidenceReference: 'OPG registration PA-2021-033190',
    },
    {
      authorityId,
      personId: idOf('Kirsty Paterson'),
      name: 'Linda Paterson',
      kind: 'appointee',
      powers: ['financial_decisions'],
      startDate: '2008-04-18',
      evidenceReference: 'DWP appointee letter BF56',
    },
  ]);

  await tx.insert(circleMembers).values([
    {
      authorityId,
      personId: morag,
      name: 'Eilidh Campbell',
      relationship: 'My sister',
      maySee: ['view_record', 'contribute'],
      consentFrom: '2024-03-01',
      userId: sister,
      relationshipId: sisterId,
    },
    {
      authorityId,
      personId: agnes,
      name: 'Jean Kerr',
      relationship: 'My neighbour across the landing',
      maySee: [],
      consentFrom: '2024-01-01',
    },
    {
      authorityId,
      personId: idOf('Tariq Mahmood'),
      name: 'Shazia Mahmood',
      relationship: 'My daughter',
      maySee: ['view_record'],
      consentFrom: '2025-02-01',
    },
    {
      authorityId,
      personId: idOf('Darren Gillespie'),
      name: 'Partners in Advocacy (Mhairi)',
      relationship: 'My advocate',
      maySee: ['view_record', 'contribute'],
      consentFrom: '2025-06-01',
    },
    {
      authorityId,
      personId: idOf('Jordan Baptiste'),
      name: 'Marcia Baptiste',
      relationship: 'My gran',
      maySee: ['view_record'],
      consentFrom: '2024-09-01',
      consentTo: addMonths(today, 6),
    },
  ]);

  await tx.insert(supportOffers).values(
    DEMO_PEOPLE.flatMap((p, i) => {
      const offers = [];
      if (p.interpreter || p.communication?.length)
        offers.push({
          authorityId,
          personId: ids[i]!,
          kind: 'communication',
          stage: 'conversation',
          response: 'accepted',
          provider: p.communication?.includes('bsl')
            ? 'BSL interpreter – Deaf Action'
            : p.interpreter
              ? `${p.language} interpreter – Global Language Services`
              : 'Easy Read materials – Speech and Language Therapy',
          offeredOn: addDays(today, -((i * 11) % 400)),
        });
      if (['mental_health', 'dementia', 'learning_disability'].includes(p.group))
        offers.push({
          authorityId,
          personId: ids[i]!,
          kind: 'advocacy',
          stage: i % 2 ? 'conversation' : 'contact',
          response: i % 3 === 0 ? 'declined' : 'accepted',
          provider: i % 3 === 0 ? null : 'Partners in Advocacy',
          offeredOn: addDays(today, -((i * 11) % 400)),
          notes: i % 3 === 0 ? 'Said her daughter speaks for her just fine. Offer again at review.' : null,
        });
      // Offered again when eligibility was decided (the eligibility page asks for it): most say yes.
      if (['mental_health', 'dementia', 'learning_disability'].includes(p.group))
        offers.push({
          authorityId,
          personId: ids[i]!,
          kind: 'advocacy',
          stage: 'eligibility',
          response: i % 4 === 0 ? 'declined' : 'accepted',
          provider: i % 4 === 0 ? null : 'Partners in Advocacy',
          // Three weeks after the first offer, never in the future.
          offeredOn: [addDays(today, 21 - ((i * 11) % 400)), today].sort()[0]!,
        });
      return offers;
    }),
  );

  await tx.insert(legalOrders).values([
    {
      authorityId,
      personId: idOf('Darren Gillespie'),
      kind: 'community_treatment',
      reference: 'CTO 2025/0871',
      madeBy: 'Mental Health Tribunal for Scotland',
      startDate: '2025-06-20',
      endDate: addMonths(today, 5),
      nonNegotiables: [
        'Must attend the community mental health team clinic every two weeks',
        'Must live at the address agreed by the tribunal',
        'Must allow the mental health officer to visit',
      ],
    },
    {
      authorityId,
      personId: idOf('Steven Wallace'),
      kind: 'community_payback',
      reference: 'CPO/SC/2025/3321',
      madeBy: 'Edinburgh Sheriff Court',
      startDate: '2025-11-03',
      endDate: addMonths(today, 8),
      nonNegotiables: [
        'Must complete 120 hours of unpaid work',
        'Must attend supervision with criminal justice social work weekly',
        'Must not enter the licensed premises named in the order',
      ],
    },
    {
      authorityId,
      personId: idOf('Elizabeth Fraser'),
      kind: 'welfare_guardianship',
      reference: 'AW-2023-0412',
      madeBy: 'Edinburgh Sheriff Court',
      startDate: '2023-09-01',
      endDate: '2027-08-31',
      nonNegotiables: ['Her guardian decides where she lives'],
    },
  ]);

  // The conversations seeder (conversations/seed.ts) writes each person's good conversation next.
  context.shared.demoPeopleIds = ids;
  context.shared.demoPersonId = morag;
  context.shared.demoChildId = callum;
  context.shared.demoOlderPersonId = agnes;
};

/** A valid NHS number from the test range (9000000000 up), so it can never be a real person's. */
function testNhsNumber(serial: number): string {
  for (let n = serial; ; n++) {
    const nine = `9${String(n).padStart(8, '0')}`;
    const check = modulus11CheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/**
 * The English demo council's caseload: a handful of adults with NHS numbers (from the test
 * range) rather than CHI numbers, all with the borough's worker. Rachel Holloway signs in as
 * herself; the later seeders give her an agreed plan, a direct payment and a contribution.
 */
async function seedEnglishPeople(tx: Parameters<DemoSeeder>[0], context: Parameters<DemoSeeder>[1]) {
  const { authorityId, teams } = context;
  const today = todayInLondon();
  const worker = context.users.worker!;
  context.shared.demoWorkers = {
    north: { id: worker, name: 'Daniel Whitmore' },
    south: { id: worker, name: 'Daniel Whitmore' },
    children: { id: worker, name: 'Daniel Whitmore' },
  };
  const ids = DEMO_ENGLISH_PEOPLE.map(() => randomUUID());
  await tx.insert(people).values(
    DEMO_ENGLISH_PEOPLE.map((p, i) => ({
      authorityId,
      id: ids[i]!,
      legalName: p.name,
      preferredName: p.preferred ?? null,
      pronouns: p.pronouns ?? null,
      dateOfBirth: p.dob,
      phone: `0161 496 ${String(2000 + i * 41).slice(-4)}`,
      addressLine1: `${12 + i * 9} ${ENGLISH_STREETS[i % ENGLISH_STREETS.length]}`,
      town: 'Demoborough',
      postcode: `ZZ2 ${i + 3}${'ABDEF'[i % 5]}${'GHJLN'[i % 5]}`,
      locality: `${p.locality} Locality`,
      nhsNumber: testNhsNumber(1_000_000 + i * 17),
      mainLanguage: p.language ?? 'English',
      interpreterNeeded: false,
      communicationNeeds: p.communication ?? [],
      clientGroup: p.group,
      crisis: false,
      status: p.status ?? 'open',
      referredBy: p.referredBy,
      referralReason: saidFor(p, i, today, ENGLISH_SAID).notWorking,
      referralUrgency: i % 2 ? ('soon' as const) : ('routine' as const),
      referredOn: referralDate(i, today),
      allocatedTeamId: teams[p.team],
      allocatedWorkerId: worker,
    })),
  );
  await tx.insert(personEquality).values(
    DEMO_ENGLISH_PEOPLE.map((p, i) => ({
      authorityId,
      personId: ids[i]!,
      ethnicity: p.ethnicity,
      disability: 'yes',
      sex: p.sex,
      genderIdentity: 'no',
      religion: p.religion,
    })),
  );
  await tx.insert(personRelationships).values({
    authorityId,
    personId: ids[0]!,
    userId: context.users.person!,
    kind: 'self',
    validFrom: '2020-01-01',
  });
  context.shared.demoPeopleIds = ids;
  context.shared.demoPersonId = ids[0];
}
