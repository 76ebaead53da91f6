/// <reference types="node" />
// End-to-end harness: runs the reference backend exactly as `npm start` does (demo/server/main.ts) on a free
// port with a fresh database, and drives Debian's Chromium with playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/ensure-browsers.mjs';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface RunningServer {
  base: string;
  dataDir: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
}

function startProcess(dataDir: string, port: number): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Landing page\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolvePromise({ child, base: match[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Starts `demo/server/main.ts` with a fresh data folder on a free port. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'iop-e2e-'));
  let { child, base } = await startProcess(dataDir, 0);
  const port = Number(new URL(base).port);
  const stopChild = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return {
    get base() {
      return base;
    },
    dataDir,
    stop: stopChild,
    async restart() {
      await stopChild();
      ({ child, base } = await startProcess(dataDir, port));
    },
  };
}

export async function removeServerData(server: RunningServer): Promise<void> {
  await server.stop();
  await rm(server.dataDir, { recursive: true, force: true });
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A page that records console errors and CSP violations (the demos must produce none). */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, problems };
}

/**
 * The two accessibility engines (axe-core and IBM Equal Access, WCAG 2.2 A and AA), one implementation shared
 * with the story smoke test: scripts/a11y-engines.mjs. `a11yViolations` runs both.
 */
export { a11yViolations, axeViolations, equalAccessViolations } from '../../scripts/a11y-engines.mjs';

/** Whether the page scrolls sideways (WCAG 1.4.10 reflow at 320 px). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
