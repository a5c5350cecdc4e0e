import type { Role } from './roles.ts';

/** The signed-in account behind a request. */
export interface Actor {
  userId: string;
  /** Null only for the national administrator. */
  authorityId: string | null;
  role: Role;
  teamId: string | null;
  displayName: string;
  email: string;
  via: 'session' | 'token';
  /** Hash of the session or token in use, so sign-out and revoke can name it. */
  credentialHash: string;
}
