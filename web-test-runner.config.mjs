// Browser tests for the elements, the widgets and the examples, in the system's browsers
// (Debian's chromium and firefox-esr; nothing is downloaded). Run through `npm test`, or:
//   npx wtr --config web-test-runner.config.mjs --files 'packages/elements/src/**/*.test.ts'
//   BROWSERS=firefox npx wtr --config web-test-runner.config.mjs
//   BROWSERS=webkit npx wtr --config web-test-runner.config.mjs   (webkit2gtk-driver + xvfb)
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { pinnedBuildAsBuilt, strictCsp } from './scripts/dev-server/middleware.mjs';
import { testCollector } from './scripts/dev-server/test-collector.mjs';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { pdfPagesPlugin } from './scripts/wtr-pdf-plugin.mjs';

const wanted = (process.env.BROWSERS ?? 'chromium').split(',').map((name) => name.trim());

const chromiumArgs = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const launchers = {
  chromium: () =>
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs },
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        extraPrefsFirefox: { 'network.proxy.type': 0, 'browser.shell.checkDefaultBrowser': false },
      },
    }),
  // WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb; imported only when asked for.
  webkit: async () =>
    (await import('./scripts/webkit-launcher.mjs')).webkitLauncher({ binary: process.env.WEBKIT_PATH }),
};

export default {
  // Browser suites only: core, report and collector tests run in Node (scripts/test.sh).
  // `*.pdf.test.ts` print to PDF through puppeteer's page.pdf(): Chromium only.
  files: [
    'packages/elements/src/**/*.test.ts',
    'packages/content/src/**/*.test.ts',
    'test/browser/**/*.test.ts',
    ...(wanted.every((name) => name === 'chromium') ? [] : ['!**/*.pdf.test.ts']),
  ],
  nodeResolve: { exportConditions: ['source', 'production', 'default'] },
  rootDir: '.',
  // Pages under /examples/csp/, /examples/vue/ and /examples/angular/ are served with the strict
  // policy integrators may use (CSP_PATHS); the pinned build's scripts as built (esbuild below
  // would change them, and their integrity hashes); a real collector on PGlite answers under
  // /pglite-collector/ (started on its first request).
  middleware: [strictCsp, pinnedBuildAsBuilt(new URL('.', import.meta.url).pathname), testCollector],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), a11ySnapshotPlugin(), pdfPagesPlugin()],
  browsers: await Promise.all(
    wanted.map((name) => {
      const make = launchers[name];
      if (!make) throw new Error(`Unknown browser "${name}" in BROWSERS (use chromium, firefox and/or webkit).`);
      return make();
    }),
  ),
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
};
