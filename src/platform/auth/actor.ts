import type { Role } from './roles.ts';

/** The signed-in account behind a request. */
export interface Actor {
  userId: string;
  /** Null only for the platform operator, who belongs to no council. */
  authorityId: string | null;
  role: Role;
  teamId: string | null;
  displayName: string;
  email: string;
  via: 'session' | 'token';
  /** Hash of the session or token in use, so sign-out and revoke can name it. */
  credentialHash: string;
  /** The actor's own council, named on every page they see (null for the platform operator). */
  council?: ActorCouncil | null;
}

export interface ActorCouncil {
  /** The stable code in the council's public addresses (`/c/{code}/…`). */
  code: string;
  name: string;
}
