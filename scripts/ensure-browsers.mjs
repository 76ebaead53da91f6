// Makes sure the test browsers exist: Debian's chromium and firefox-esr (see TOOLCHAIN.md). On Debian as root
// it installs them with apt; anywhere else it stops with what to install. No tool downloads its own browser.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Flags for Debian's Chromium here: as root it needs no sandbox, and this network refuses its background
 * connections (TOOLCHAIN.md). Every headless run of the project (tests, stories, e2e, bench) uses these.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Debian Chromium through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function ensureBrowsers() {
  const missing = [
    [CHROMIUM, 'chromium'],
    [FIREFOX, 'firefox-esr'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length === 0) return;
  const packages = missing.map(([, pkg]) => pkg);
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  const isRoot = process.getuid?.() === 0;
  if (!isDebian || !isRoot) {
    console.error(
      `The browser tests need ${missing.map(([path]) => path).join(' and ')}.\n` +
        (isDebian
          ? `Install them with: sudo apt-get install -y ${packages.join(' ')}`
          : `Install Chromium and Firefox ESR, then point CHROMIUM_PATH and FIREFOX_PATH at their executables.`),
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' and ')} with apt (about a minute)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowsers();
