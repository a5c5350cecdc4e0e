import { people, personRelationships } from './schema.ts';
import type { DemoSeeder } from '../../platform/db/seeding.ts';

/**
 * The demo people the demo accounts relate to: Morag (who signs in as herself), Callum
 * (a child whose mother, the demo representative, holds parental responsibility) and
 * Agnes (whose direct payment the demo support organisation helps with).
 */
export const seedDemoPeople: DemoSeeder = async (tx, context) => {
  const { authorityId, users, teams } = context;
  const rows = await tx
    .insert(people)
    .values([
      {
        authorityId,
        legalName: 'Morag Campbell',
        preferredName: 'Morag',
        dateOfBirth: '1979-03-14',
        clientGroup: 'physical_disability',
        allocatedTeamId: teams.north,
        allocatedWorkerId: users.worker,
      },
      {
        authorityId,
        legalName: 'Callum Reid',
        preferredName: 'Callum',
        dateOfBirth: '2011-06-02',
        clientGroup: 'learning_disability',
        allocatedTeamId: teams.north,
        allocatedWorkerId: users.worker,
      },
      {
        authorityId,
        legalName: 'Agnes Thomson',
        preferredName: 'Nessie',
        dateOfBirth: '1938-11-30',
        clientGroup: 'older_people',
        allocatedTeamId: teams.north,
      },
    ])
    .returning({ id: people.id });
  const [morag, callum, agnes] = rows.map((r) => r.id) as [string, string, string];
  await tx.insert(personRelationships).values([
    { authorityId, personId: morag, userId: users.person!, kind: 'self', validFrom: '2020-01-01' },
    {
      authorityId,
      personId: callum,
      userId: users.representative!,
      kind: 'representative',
      powers: ['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions'],
      validFrom: '2011-06-02',
      validTo: '2027-06-01',
    },
    {
      authorityId,
      personId: agnes,
      userId: users.support!,
      kind: 'support_organisation',
      powers: ['view_record', 'manage_direct_payment'],
      validFrom: '2024-01-01',
    },
    { authorityId, personId: agnes, userId: users.provider!, kind: 'provider', validFrom: '2024-01-01' },
  ]);
  context.shared.demoPersonId = morag;
  context.shared.demoChildId = callum;
  context.shared.demoOlderPersonId = agnes;
};
