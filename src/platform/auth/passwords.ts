import { Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Hash something even when there is no account so timing does not reveal which e-mails exist.
  const target = passwordHash ?? DUMMY_HASH;
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}

const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$grjVC6TTVs0gmyT/crwpNw$X4WfMCoRnb7dzv4YKlk1TUqnYsIlk+nRL1aU2p8kD9w';

export const MIN_PASSWORD_LENGTH = 10;

export function passwordProblems(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > 200) return 'Password must be 200 characters or fewer';
  return null;
}
