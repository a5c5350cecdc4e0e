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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SELFDIRECT_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-password-1'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  mode: 'demo' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  demoPassword: string;
  /** Cookies are marked Secure when the app sits behind TLS (a proxy that says so). */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

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
  return {
    mode,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? demoSecret(dataDir, mode),
    logLevel: e.LOG_LEVEL,
    demoPassword: e.SELFDIRECT_DEMO_PASSWORD,
    trustProxy: e.TRUST_PROXY === 'true',
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
