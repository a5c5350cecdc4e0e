import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads the environment. Defaults make `npm start` just work
 * (demo mode, embedded database under ./data); production mode refuses to guess.
 */
const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The keys bank details are sealed with: `id:base64-of-32-bytes`, comma-separated. The first
   * seals new values; all are tried by id for reading (so an old one stays until rotated away).
   */
  DATA_KEYS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SELFDIRECT_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password-1'),
  /** 'true' (one proxy), a number of proxy hops, or 'false'. Only those hops' X-Forwarded-For is believed. */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[1-9])$/, 'must be true, false or the number of proxies in front (1–9)')
    .default('false'),
  /** Production serves only over TLS; this switches Secure cookies and HSTS off for plain-http local use. */
  ALLOW_INSECURE_HTTP: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  mode: 'demo' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  /** DATA_KEYS: the first seals bank details, all open them (see payments/bank/crypto.ts). */
  dataKeys: readonly DataKey[];
  logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  demoPassword: string;
  /**
   * How many proxies in front of the app add to X-Forwarded-For (0: none). The client's address
   * is the one the nearest trusted proxy saw, so an address the client wrote itself is ignored.
   */
  proxyHops: number;
  /**
   * Served over TLS: session and CSRF cookies are Secure and every answer carries HSTS. On in
   * production (unless ALLOW_INSECURE_HTTP=true) and behind a TLS proxy; off for plain-http demo use.
   */
  secureTransport: boolean;
}

export class ConfigError extends Error {}

/** One data key: its id (named in every value it seals) and its 32 bytes. */
export interface DataKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Parse DATA_KEYS (`id:base64,id:base64`); the message names what is wrong, never a key.
 * Exported for the tests and the rotation command's help.
 */
export function parseDataKeys(text: string): DataKey[] {
  const bad = (why: string) => new ConfigError(`Configuration error: DATA_KEYS ${why}`);
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (!entries.length) throw bad('must hold at least one key written id:base64-of-32-bytes');
  const keys: DataKey[] = [];
  entries.forEach((entry, index) => {
    const at = entry.indexOf(':');
    const id = at < 0 ? '' : entry.slice(0, at);
    const encoded = at < 0 ? '' : entry.slice(at + 1);
    if (!KEY_ID.test(id))
      throw bad(`key ${index + 1} must be written id:base64-of-32-bytes, the id of letters, digits, - or _`);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) throw bad(`key “${id}” must be 32 bytes written in base64 (44 characters)`);
    if (keys.some((k) => k.id === id)) throw bad(`names the key id “${id}” twice`);
    // Rotation reports name each key by id, and "v1" already means text sealed before DATA_KEYS.
    if (id === 'v1')
      throw bad('may not name a key “v1”: that name is kept for bank details sealed before DATA_KEYS');
    keys.push({ id, key });
  });
  return keys;
}

/** A new DATA_KEYS entry: `id:base64` with 32 random bytes. */
export function newDataKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const mode = e.NODE_ENV === 'production' ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'demo';
  const dataDir = resolve(e.DATA_DIR);
  if (mode === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Configuration error: SESSION_SECRET is required in production (32+ characters)');
  }
  if (mode === 'production' && !e.DATA_KEYS?.trim()) {
    throw new ConfigError(
      'Configuration error: DATA_KEYS is required in production (one or more id:base64-of-32-bytes, comma-separated)',
    );
  }
  const dataKeys = e.DATA_KEYS?.trim() ? parseDataKeys(e.DATA_KEYS) : demoDataKeys(dataDir, mode);
  const proxyHops = e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY);
  const allowInsecure = e.ALLOW_INSECURE_HTTP === 'true';
  if (allowInsecure && proxyHops > 0) {
    throw new ConfigError(
      'Configuration error: ALLOW_INSECURE_HTTP cannot be true with TRUST_PROXY: a TLS proxy serves https',
    );
  }
  return {
    mode,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? demoSecret(dataDir, mode),
    dataKeys,
    logLevel: e.LOG_LEVEL,
    demoPassword: e.SELFDIRECT_DEMO_PASSWORD,
    proxyHops,
    secureTransport: proxyHops > 0 || (mode === 'production' && !allowInsecure),
  };
}

/** Demo mode keeps one generated secret under DATA_DIR so sessions survive a restart. */
function demoSecret(dataDir: string, mode: Config['mode']): string {
  if (mode === 'test') return randomBytes(32).toString('hex');
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** Demo mode keeps one generated data key under DATA_DIR, as it keeps the session secret. */
function demoDataKeys(dataDir: string, mode: Config['mode']): DataKey[] {
  if (mode === 'test') return parseDataKeys(newDataKey('test'));
  const file = join(dataDir, 'data-keys');
  try {
    return parseDataKeys(readFileSync(file, 'utf8').trim());
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${error.message} (in ${file})`);
    mkdirSync(dataDir, { recursive: true });
    const keys = newDataKey(`demo-${new Date().toISOString().slice(0, 10)}`);
    writeFileSync(file, keys, { mode: 0o600 });
    return parseDataKeys(keys);
  }
}
