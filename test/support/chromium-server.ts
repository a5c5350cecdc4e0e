import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The one Chromium the browser tests share: each test file connects and opens its own contexts. */
    chromiumEndpoint: string;
  }
}

/**
 * Browser tests never skip silently: without Chromium they fail and say how to install it.
 * One Chromium serves the whole run (test/e2e/support.ts connects to it), instead of a
 * launch per test file.
 */
export default async function startChromium(project: TestProject) {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "apt-get install -y chromium" (Debian) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  const server = await chromium.launchServer({
    executablePath: path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
