import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { rewriteDevUrl } from './tools/dev-routes.js';
import { testBrowsers } from './tools/wtr-browsers.js';
import { bundledPackages } from './tools/wtr-bundled-packages.js';
import { pageBundles } from './tools/wtr-page-bundles.js';
import { engineCommands } from './tools/wtr-commands.js';
import { engineTimes } from './tools/wtr-engine-times.js';
import { failureSummary } from './tools/wtr-failure-summary.js';

/** What test pages import of ES packages, each bundled whole (with what they share, once). */
const BUNDLED_ES_PACKAGES = ['msw', 'msw/browser', '@open-wc/testing', 'lit', '@lit/localize', '@lit/localize/internal/runtime-msg.js', '@lit/react'];

const WATCHING = process.argv.includes('--watch');
const TSCONFIG = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
/** As the test runner resolves packages: lit's development build, with its warnings. */
const CONDITIONS = ['browser', 'development'];

export default {
  // test/system/ runs in its own group, in browsers started with other system preferences.
  files: ['test/**/*.test.ts', '!test/system/**', '!test/scratch/**'],
  nodeResolve: { exportConditions: CONDITIONS },
  plugins: [
    engineCommands(),
    // TypeScript's types stripped, nothing lowered: the three engines run today's JavaScript. A
    // target such as 'es2022' would also send every .js file through esbuild on every request, and
    // files not on disk (the bundled packages below, the test framework) are never cached: 90 s of
    // esbuild in one engine's run, for nothing.
    esbuildPlugin({ ts: true, target: 'esnext', tsconfig: TSCONFIG }),
    // Test pages and the pages tests load in frames take their code bundled (tools/wtr-page-bundles.js).
    pageBundles({ tsconfig: TSCONFIG, conditions: CONDITIONS, enabled: !WATCHING }),
    // The packages test pages import, bundled once (tools/wtr-bundled-packages.js): the network
    // fake, the test helpers, lit; and the frameworks the element is tested in (test/frameworks/):
    // React is CommonJS only; Vue's full build (with the template compiler) is the one a page
    // without a build step would use. libsodium stays as published: two modules, and a test fakes
    // it at the fetch boundary by its path.
    bundledPackages(
      {
        ...Object.fromEntries(BUNDLED_ES_PACKAGES.map((name) => [name, name])),
        react: 'react',
        'react-dom': 'react-dom',
        'react-dom/client': 'react-dom/client',
        vue: 'vue/dist/vue.esm-bundler.js',
      },
      { conditions: CONDITIONS, commonjs: ['react', 'react-dom', 'react-dom/client'] },
    ),
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
  // tests: light and reduced motion here, dark and motion in the group below. Reduced motion here
  // because no behaviour hangs on the two animations (the spinner, the payment page's fade: CSS
  // only, nothing waits for them), and a spinner turning through every wait drew frames the whole
  // run long: 9 % of the browser suite's CPU time (838 → 763 CPU-seconds on two cores).
  // test/a11y.test.ts checks they stop here, and test/system/ that they run where the system does
  // not ask for less.
  browsers: testBrowsers({ colorScheme: 'light', reducedMotion: 'reduce' }),
  groups: [
    {
      name: 'system-dark-motion',
      files: 'test/system/**/*.test.ts',
      browsers: testBrowsers({ colorScheme: 'dark', reducedMotion: 'no-preference' }),
    },
  ],
  concurrency: 1,
  // The three engines at once: WebKit, the slowest, is the run's critical path and starts at once.
  // Started after Chromium, it ran alone at the end for minutes, the machine half idle.
  concurrentBrowsers: 3,
  reporters: [defaultReporter(), engineTimes(), failureSummary()],
  // Bounds against hanging, not speed claims: the longest test in a full run on two cores takes
  // about 6 s (a page of its own, paid, in WebKit), the longest file about 55 s.
  testFramework: { config: { timeout: 20_000 } },
  testsFinishTimeout: 180_000,
  // A browser's start, with WebKit's one retry on a fresh driver (SESSION_DEADLINE_MS each) and the
  // test page's load after it.
  browserStartTimeout: 60_000,
};
