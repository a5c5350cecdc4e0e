import { eq } from 'drizzle-orm';
import { teams, users } from '../../platform/auth/schema.ts';
import type { Executor } from '../../platform/db/client.ts';
import { authorities } from '../../platform/db/schema.ts';
import { Problem } from '../../platform/http/problem.ts';
import type { CouncilContact, LetterAddressing } from '../../platform/pdf/index.ts';
import { people } from './schema.ts';

/** Said on a letter when the record names neither a worker nor a team. */
const NO_ALLOCATION_CONTACT = 'The social work team';

/**
 * A person's record reference, printed on every letter and quoted back when they phone: the
 * first eight characters of the record's id in capitals ("SD-1F0C93AB"). The id never changes,
 * so neither does the reference; eight hex characters tell a council's records apart.
 */
export function recordReference(personId: string): string {
  return `SD-${personId.replaceAll('-', '').slice(0, 8).toUpperCase()}`;
}

const present = (...parts: (string | null | undefined)[]) =>
  parts.map((part) => part?.trim() ?? '').filter((part) => part !== '');

/**
 * Who a person's letters are from and to, and who they should contact: the council's address and
 * contact details, the person's name and postal address, the allocated worker (with their team)
 * or the allocated team. Read inside the caller's audited transaction.
 */
export async function letterAddressing(tx: Executor, personId: string): Promise<LetterAddressing> {
  const [person] = await tx
    .select({
      authorityId: people.authorityId,
      legalName: people.legalName,
      addressLine1: people.addressLine1,
      addressLine2: people.addressLine2,
      town: people.town,
      postcode: people.postcode,
      allocatedTeamId: people.allocatedTeamId,
      allocatedWorkerId: people.allocatedWorkerId,
    })
    .from(people)
    .where(eq(people.id, personId))
    .limit(1);
  if (!person) throw Problem.notFound('Person');
  const [authority] = await tx.select().from(authorities).where(eq(authorities.id, person.authorityId));
  if (!authority) throw Problem.notFound('Council');
  const [worker] = person.allocatedWorkerId
    ? await tx
        .select({ name: users.displayName, teamId: users.teamId })
        .from(users)
        .where(eq(users.id, person.allocatedWorkerId))
    : [];
  const teamId = worker?.teamId ?? person.allocatedTeamId;
  const [team] = teamId ? await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)) : [];
  const council: CouncilContact = {
    name: authority.name,
    addressLines: present(authority.addressLine1, authority.addressLine2, authority.town, authority.postcode),
    phone: authority.phone,
    email: authority.email,
    website: authority.website,
    howToContact: authority.howToContact,
  };
  return {
    council,
    to: {
      name: person.legalName,
      addressLines: present(person.addressLine1, person.addressLine2, person.town, person.postcode),
    },
    contact: present(worker?.name, team?.name).join(', ') || NO_ALLOCATION_CONTACT,
    recordReference: recordReference(personId),
  };
}
