// @web/test-runner launcher for WebKitGTK (Debian's webkit2gtk-driver + xvfb).
// MiniBrowser has no headless mode, so the launcher starts its own Xvfb (on a free display) and its own
// WebKitWebDriver (on a free port), drives MiniBrowser through WebDriver classic, and stops both at the end.
// It also teaches two test-runner commands what the stock WebDriver launcher lacks or gets wrong:
// `setViewport` (resizes the window so the page gets the asked size) and `sendKeys({ type })`
// (types characters one after the other instead of pressing them all at once).
// Imported only when BROWSERS includes webkit (see web-test-runner.config.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const defaults = {
  driver: '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
  binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

// MiniBrowser's toolbar keeps its window at least 447 px wide, too wide for the 320 px checks: a GTK
// style sheet (in a private XDG_CONFIG_HOME) shrinks the browser's own chrome, not the page.
const shrinkChrome = '* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; -gtk-icon-transform: scale(0.1); }\n';

/** A private XDG_CONFIG_HOME whose GTK 3 style sheet shrinks MiniBrowser's toolbar. */
function chromeConfigHome() {
  const home = mkdtempSync(join(tmpdir(), 'observatoire-webkit-'));
  mkdirSync(join(home, 'gtk-3.0'));
  writeFileSync(join(home, 'gtk-3.0', 'gtk.css'), shrinkChrome);
  return home;
}

/** A TCP port that was free a moment ago, for WebKitWebDriver. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on the first free display (-displayfd) and resolves with the process and its display. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.stdio[3].on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve({ child, display: `:${output.trim()}` });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${errors.trim()}`)));
  });
}

/** Waits until WebKitWebDriver answers on /status. */
async function waitForDriver(port, child, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode}) before it was ready.`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeout} ms.`);
}

/** Test-runner commands that the stock WebDriver launcher does not handle (or not well) in WebKitGTK. */
function webkitCommandsPlugin(launcher) {
  return {
    name: 'webkit-commands',
    async executeCommand({ command, payload, session }) {
      if (session.browser !== launcher || !launcher.driver) return undefined;
      const driver = launcher.driver;
      if (command === 'set-viewport') {
        const { width, height } = payload;
        // The window has a toolbar: resize, measure what the page got, and correct once more if needed.
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
          if (innerWidth === width && innerHeight === height) return true;
          const rect = await driver.getWindowRect();
          await driver.setWindowRect(null, null, rect.width + width - innerWidth, rect.height + height - innerHeight);
          await driver.execute(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
        }
        const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
        if (innerWidth === width && innerHeight === height) return true;
        throw new Error(`Could not set the viewport to ${width}×${height} (got ${innerWidth}×${innerHeight}).`);
      }
      if (command === 'send-keys' && payload && typeof payload.type === 'string') {
        const actions = [];
        for (const character of payload.type) actions.push({ type: 'keyDown', value: character }, { type: 'keyUp', value: character });
        await driver.performActions([{ type: 'key', id: 'keyboard', actions }]);
        await driver.releaseActions();
        return true;
      }
      return undefined;
    },
  };
}

class WebKitLauncher extends WebdriverLauncher {
  constructor(options, paths) {
    super(options);
    this.paths = paths;
    this.children = [];
    this.configHome = undefined;
    this.killChildren = () => {
      this.children.forEach((child) => child.exitCode === null && child.kill());
      if (this.configHome) rmSync(this.configHome, { recursive: true, force: true });
    };
    this.terminate = () => {
      this.killChildren();
      process.exit(143);
    };
  }

  async initialize(config, testFiles) {
    // Xvfb, the driver and the browser must not outlive the runner, even when it is terminated.
    process.once('exit', this.killChildren);
    process.once('SIGTERM', this.terminate);
    const xvfb = await startXvfb(this.paths.xvfb);
    this.children.push(xvfb.child);
    const port = await freePort();
    this.configHome = chromeConfigHome();
    const driver = spawn(this.paths.driver, [`--port=${port}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DISPLAY: xvfb.display, GDK_BACKEND: 'x11', XDG_CONFIG_HOME: this.configHome },
    });
    this.children.push(driver);
    await waitForDriver(port, driver);
    Object.assign(this.options, { hostname: '127.0.0.1', port, path: '/' });
    // Commands are tried in the plugins' order and the stock ones come first: put ours before them.
    config.plugins.unshift(webkitCommandsPlugin(this));
    await super.initialize(config, testFiles);
  }

  async stop() {
    await super.stop();
    this.killChildren();
    process.removeListener('exit', this.killChildren);
    process.removeListener('SIGTERM', this.terminate);
  }
}

/**
 * A launcher for WebKitGTK's MiniBrowser, under its own Xvfb and WebKitWebDriver.
 * @example
 *   browsers: [webkitLauncher({ binary: process.env.WEBKIT_PATH })]
 */
export function webkitLauncher({ binary, driver, xvfb } = {}) {
  const paths = { binary: binary ?? defaults.binary, driver: driver ?? defaults.driver, xvfb: xvfb ?? defaults.xvfb };
  return new WebKitLauncher(
    {
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: paths.binary, args: ['--automation'] },
      },
    },
    paths,
  );
}
