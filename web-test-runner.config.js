import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { rewriteDevUrl } from './tools/dev-routes.js';
import { testBrowsers } from './tools/wtr-browsers.js';
import { bundledPackages } from './tools/wtr-bundled-packages.js';
import { engineCommands } from './tools/wtr-commands.js';
import { failureSummary } from './tools/wtr-failure-summary.js';

export default {
  // test/system/ runs in its own group, in browsers started with other system preferences.
  files: ['test/**/*.test.ts', '!test/system/**', '!test/scratch/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    engineCommands(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // The frameworks the element is tested in (test/frameworks/): React is CommonJS only; Vue's
    // full build (with the template compiler) is the one a page without a build step would use.
    bundledPackages({ react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom/client', vue: 'vue/dist/vue.esm-bundler.js' }),
  ],
  middleware: [
    // A payment page that refuses to be framed, as KTPay's would when its headers say so.
    (ctx, next) => {
      if (!ctx.path.startsWith('/test/framing-refused/')) return next();
      ctx.set('X-Frame-Options', 'DENY');
      ctx.set('Content-Security-Policy', "frame-ancestors 'none'");
      ctx.type = 'html';
      ctx.body = '<!doctype html><title>refuses framing</title><p>payment page</p>';
    },
    // The page that shows a story at a device's size, at the site root as Storybook's iframe.html is.
    (ctx, next) => {
      if (ctx.path === '/device-page.html') ctx.url = '/test/fixtures/device-page.html';
      return next();
    },
    (ctx, next) => {
      const rewritten = rewriteDevUrl(ctx.url, { worker: true });
      if (rewritten) ctx.url = rewritten;
      return next();
    },
  ],
  // Chromium, Firefox and WebKit (tools/wtr-browsers.js says how each is driven). One test file at a
  // time per engine: WebDriver's runner would otherwise put concurrent files in iframes of one page.
  // The buyer's system preferences are fixed as each browser starts, so every engine runs the same
  // tests: light and motion here, dark and reduced motion in the group below.
  browsers: testBrowsers({ colorScheme: 'light', reducedMotion: 'no-preference' }),
  groups: [
    {
      name: 'system-dark-reduced-motion',
      files: 'test/system/**/*.test.ts',
      browsers: testBrowsers({ colorScheme: 'dark', reducedMotion: 'reduce' }),
    },
  ],
  concurrency: 1,
  // Two engines at a time: WebKit starts as soon as Chromium is done and then shares the machine
  // with Firefox alone. All three at once on a two-core machine starved WebKit (timeouts in the
  // browser suite that never occur with fewer engines at work), for no gain in total time.
  concurrentBrowsers: 2,
  // Some tests loop over dozens of hostile values or load pages of their own: with three engines
  // sharing the machine, WebKit's can take longer than 15 s. A bound against hanging, not a speed claim.
  reporters: [defaultReporter(), failureSummary()],
  testFramework: { config: { timeout: 30000 } },
  // A file's whole run: redirects.test.ts loads eight merchant pages of its own, each loading every
  // module unbundled and libsodium in its own worker; late in a full WebKit run each of those tests
  // took 11–21 s (its main thread answering throughout), past the default 120 s for the file.
  testsFinishTimeout: 300_000,
};
