import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where scanned copies of agreements live: under the data directory (`config.dataDir`), never
 * under public/, so the only way to one is the authorised, audited download route.
 *
 *   <dataDir>/uploads/<authority id>/<random id>          kept, named by a plan_agreements row
 *   <dataDir>/uploads/<authority id>/staged/<random id>   shown on a check page, not yet saved
 *
 * Names are random UUIDs chosen here, never anything a client sent, so no path can be steered.
 * A staged file is kept only until the check page is confirmed (it is then copied to its kept
 * place and removed) or for a day; staged files are swept each time another is staged.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STAGED_FOR_MS = 24 * 60 * 60 * 1000;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function authorityDir(dataDir: string, authorityId: string): string {
  if (!UUID.test(authorityId)) throw new Error('not an authority id');
  return join(dataDir, 'uploads', authorityId);
}

/** The stored key of a kept scan, relative to the data directory (what the database holds). */
export const scanKey = (authorityId: string, id: string) => `uploads/${authorityId}/${id}`;

export async function keepScan(dataDir: string, authorityId: string, bytes: Uint8Array): Promise<string> {
  const dir = authorityDir(dataDir, authorityId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const id = randomUUID();
  await writeFile(join(dir, id), bytes, { flag: 'wx', mode: 0o600 });
  return scanKey(authorityId, id);
}

/** The kept scan's bytes, or null when the key is not one this code wrote or the file is gone. */
export async function readScan(dataDir: string, authorityId: string, key: string): Promise<Buffer | null> {
  const [uploads, authority, id] = key.split('/');
  if (uploads !== 'uploads' || authority !== authorityId || !id || !UUID.test(id)) return null;
  try {
    return await readFile(join(authorityDir(dataDir, authorityId), id));
  } catch {
    return null;
  }
}

export async function removeScan(dataDir: string, authorityId: string, key: string): Promise<void> {
  const id = key.split('/')[2] ?? '';
  if (UUID.test(id)) await rm(join(authorityDir(dataDir, authorityId), id), { force: true });
}

/** Keeps an upload until its check page is confirmed; returns the staged id. */
export async function stageScan(dataDir: string, authorityId: string, bytes: Uint8Array): Promise<string> {
  const dir = join(authorityDir(dataDir, authorityId), 'staged');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await sweepStaged(dir);
  const id = randomUUID();
  await writeFile(join(dir, id), bytes, { flag: 'wx', mode: 0o600 });
  return id;
}

export async function readStaged(dataDir: string, authorityId: string, id: string): Promise<Buffer | null> {
  if (!UUID.test(id)) return null;
  try {
    return await readFile(join(authorityDir(dataDir, authorityId), 'staged', id));
  } catch {
    return null;
  }
}

export async function removeStaged(dataDir: string, authorityId: string, id: string): Promise<void> {
  if (UUID.test(id)) await rm(join(authorityDir(dataDir, authorityId), 'staged', id), { force: true });
}

async function sweepStaged(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!UUID.test(name)) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && now - info.mtimeMs > STAGED_FOR_MS) await rm(join(dir, name), { force: true });
  }
}
