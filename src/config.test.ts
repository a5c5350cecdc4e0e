import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

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
      DATABASE_URL: 'postgres://db.example/selfdirect',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({ mode: 'production', port: 8080, host: '0.0.0.0' });
  });

  const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/sd-unused' };

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
