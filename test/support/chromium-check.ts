import { existsSync } from 'node:fs';

/** Browser tests never skip silently: without Chromium they fail and say how to install it. */
export default function checkChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "apt-get install -y chromium" (Debian) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}
