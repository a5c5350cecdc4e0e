import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, newDataKey } from './config.ts';

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  DATA_DIR: '/tmp/sd-unused',
  DATA_KEYS: `test:${Buffer.alloc(32, 3).toString('base64')}`,
};

describe('configuration', () => {
  it('starts in demo mode with defaults that just work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({
      mode: 'demo',
      port: 3000,
      host: 'localhost',
      logLevel: 'info',
      dataDir: dir,
    });
    expect(config.sessionSecret).toHaveLength(64);
    // The demo secret is kept under DATA_DIR so sessions survive a restart.
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('keeps a generated data key under DATA_DIR in demo mode, the same after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-config-'));
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.dataKeys).toHaveLength(1);
    expect(config.dataKeys[0]!.key).toHaveLength(32);
    expect(readFileSync(join(dir, 'data-keys'), 'utf8')).toMatch(/^demo-[\w-]+:[A-Za-z0-9+/]{43}=$/);
    expect(loadConfig({ DATA_DIR: dir }).dataKeys).toEqual(config.dataKeys);
  });

  it('reads DATA_KEYS in order (the first seals), each id:base64-of-32-bytes', () => {
    const [a, b] = [newDataKey('2027-a'), newDataKey('2026_b')];
    const keys = loadConfig({ ...production, DATA_KEYS: ` ${a} , ${b} ` }).dataKeys;
    expect(keys.map((k) => k.id)).toEqual(['2027-a', '2026_b']);
    expect(keys[1]!.key.toString('base64')).toBe(b.split(':')[1]);
  });

  it('refuses to start in production without DATA_KEYS, naming it in one line', () => {
    const { DATA_KEYS: _keys, ...withoutKeys } = production;
    expect(() => loadConfig(withoutKeys)).toThrow(
      /^Configuration error: DATA_KEYS is required in production/,
    );
    expect(() => loadConfig({ ...withoutKeys, DATA_KEYS: ' ' })).toThrow(/^Configuration error: DATA_KEYS/);
  });

  it.each([
    ['no id', `:${Buffer.alloc(32).toString('base64')}`, /key 1 must be written id:base64/],
    ['no colon', Buffer.alloc(32).toString('base64'), /key 1 must be written id:base64/],
    ['short key', `k1:${Buffer.alloc(16).toString('base64')}`, /key “k1” must be 32 bytes/],
    ['long key', `k1:${Buffer.alloc(33).toString('base64')}`, /key “k1” must be 32 bytes/],
    ['not base64', 'k1:not*base64*at*all*not*base64*at*all*not*bas', /key “k1” must be 32 bytes/],
    ['odd id', `k 1:${Buffer.alloc(32).toString('base64')}`, /key 1 must be written/],
    [
      'same id twice',
      `k1:${Buffer.alloc(32).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}`,
      /names the key id “k1” twice/,
    ],
    ['only commas', ',,', /at least one key/],
    ['the reserved id v1', `v1:${Buffer.alloc(32).toString('base64')}`, /may not name a key “v1”/],
  ])(
    'refuses malformed DATA_KEYS (%s) in one line that names the variable, never the key',
    (_, value, message) => {
      let error: unknown;
      try {
        loadConfig({ ...production, DATA_KEYS: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as Error).message;
      expect(text).toMatch(/^Configuration error: DATA_KEYS /);
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
      expect(text).not.toContain(Buffer.alloc(32).toString('base64'));
    },
  );

  it('refuses to start in production without a secret, naming the variable in one line', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Configuration error: SESSION_SECRET/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32 characters/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ ALLOW_INSECURE_HTTP: 'yes' }, /ALLOW_INSECURE_HTTP/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '0' }, /TRUST_PROXY/],
  ])('names the bad variable: %o', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: '/tmp/sd-unused', ...env })).toThrow(message);
  });

  it('accepts a production configuration with a secret and a database URL', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_KEYS: production.DATA_KEYS,
      DATABASE_URL: 'postgres://db.example/selfdirect',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({ mode: 'production', port: 8080, host: '0.0.0.0' });
  });

  it('production means Secure cookies and HSTS, with or without a proxy', () => {
    expect(loadConfig(production).secureTransport).toBe(true);
    expect(loadConfig({ ...production, TRUST_PROXY: 'true' }).secureTransport).toBe(true);
  });

  it('switches Secure cookies and HSTS off in production only when ALLOW_INSECURE_HTTP=true says so', () => {
    expect(loadConfig({ ...production, ALLOW_INSECURE_HTTP: 'true' }).secureTransport).toBe(false);
    expect(loadConfig({ ...production, ALLOW_INSECURE_HTTP: 'false' }).secureTransport).toBe(true);
  });

  it('refuses ALLOW_INSECURE_HTTP=true together with TRUST_PROXY (a TLS proxy is not plain http)', () => {
    expect(() => loadConfig({ ...production, ALLOW_INSECURE_HTTP: 'true', TRUST_PROXY: 'true' })).toThrow(
      /^Configuration error: ALLOW_INSECURE_HTTP/,
    );
  });

  it('outside production, plain http unless behind a TLS proxy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-config-'));
    expect(loadConfig({ DATA_DIR: dir }).secureTransport).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' }).secureTransport).toBe(true);
  });

  it('trusts only the proxy hops it is told of, never a client-chosen X-Forwarded-For', () => {
    expect(loadConfig(production).proxyHops).toBe(0);
    expect(loadConfig({ ...production, TRUST_PROXY: 'false' }).proxyHops).toBe(0);
    expect(loadConfig({ ...production, TRUST_PROXY: 'true' }).proxyHops).toBe(1);
    expect(loadConfig({ ...production, TRUST_PROXY: '2' }).proxyHops).toBe(2);
  });
});
