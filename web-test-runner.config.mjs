// Browser tests: Chromium (with coverage) and Firefox ESR, both from Debian's packages (see TOOLCHAIN.md).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX } from './scripts/ensure-browsers.mjs';
import { failureSummaryReporter } from './scripts/wtr-failure-summary.mjs';
import { fhirServerPlugin } from './scripts/wtr-fhir.mjs';
import { secondKitCopyPlugin } from './scripts/wtr-second-copy.mjs';

const only = process.env.IOP_BROWSERS?.split(',') ?? ['chromium', 'firefox'];
const browsers = [];
if (only.includes('chromium')) {
  browsers.push(
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  );
}
if (only.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
      },
    }),
  );
}

/**
 * The host page's own policy for test/fixtures/hosts/csp.html: strict, with Trusted Types that allow only the
 * policy Lit creates ('lit-html'): the kit must run under it with no violation.
 */
const HOST_FIXTURE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Headers for the host fixtures: the CSP page gets its policy, and a sandboxed iframe (an opaque origin, which
 * sends `Origin: null`) may load the kit's modules, which browsers fetch with CORS.
 */
async function hostFixtureHeaders(context, next) {
  await next();
  if (context.path === '/test/fixtures/hosts/csp.html') {
    context.set('Content-Security-Policy', HOST_FIXTURE_CSP);
  }
  if (context.get('Origin') === 'null') context.set('Access-Control-Allow-Origin', '*');
}

export default {
  // Browser tests only: test/node, test/server, test/e2e and test/types run in Node (see scripts/test.mjs).
  files: ['test/**/*.test.ts', '!test/node/**', '!test/server/**', '!test/e2e/**', '!test/types/**'],
  nodeResolve: true,
  browsers,
  reporters: [defaultReporter(), failureSummaryReporter()],
  concurrency: 1,
  concurrentBrowsers: 2,
  testsFinishTimeout: 600_000,
  // 15 s a test or hook: on a loaded 2-core machine Firefox once took over 8 s for one hook (a safety-plan test's
  // sign-out) and mocha then skipped the whole file. Tests wait for what they assert with their own, shorter limits.
  testFramework: { config: { timeout: 15_000 } },
  // Lit's dev build (kept for its warnings) announces itself in every test file; that line is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  middleware: [hostFixtureHeaders],
  plugins: [
    // A real FHIR R4 server, started on the first `fhir-server` command (test/core/backends/fhir-*.test.ts).
    fhirServerPlugin(),
    // A second, bundled copy of the kit for the two-copies test (test/components/two-copies.test.ts).
    secondKitCopyPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.styles.ts', 'src/design/tokens.generated.ts'],
    threshold: { lines: 90, branches: 90, statements: 90, functions: 85 },
    report: true,
    reportDir: 'coverage',
  },
};
