// A @web/test-runner plugin: the test pages, and the pages tests load in frames (a merchant's page,
// the sandbox's payment page and ePay form), take their code as a bundler would give it, a few
// files, instead of dozens of modules each. A test page loaded its test file's module graph (some 65
// modules: the source, the helpers, the sandbox) request by request, 1.5–2.3 s on an idle machine
// before its first test, in every engine and for every file; every request a framed page makes goes
// through the network fake's service worker to the test page and back, 30–45 ms a module in Firefox.
// One build with code splitting serves them all.
//
// The build keeps what tests observe of a page's requests: the modal's code, the translations and
// the sealing worker are files of their own at paths that name them
// (`…/element/modal/checkout-modal.js`, `…/crypto/seal-worker.js`), loaded when the source loads them;
// libsodium stays the published module the worker imports. A test file the build leaves out is
// served module by module, as in watch mode (`UNBUNDLED_TESTS` says why for each).
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const PREFIX = '/__pages__/';

/** The pages served bundled, and the module each loads from the source. */
const PAGES = new Map([
  ['/test/fixtures/merchant-page.html', '/src/index.ts'],
  ['/test/fixtures/preload-page.html', '/src/index.ts'],
  ['/src/sandbox/page/payment-card.html', '/src/sandbox/page/payment-card.ts'],
  ['/src/sandbox/epay/payform.html', '/src/sandbox/epay/payform.ts'],
]);

/**
 * Test files served module by module: lifecycle.test.ts tells the element's own resources (listeners,
 * timers) by the source paths in their callers' stacks, which a bundle would not show;
 * stories.test.ts imports each story file by its name at run time, as Storybook does.
 */
const UNBUNDLED_TESTS = new Set(['lifecycle.test.ts', 'stories.test.ts']);

/** The test files of test/ (not its framework and system folders, which need their own set-up). */
const TESTS = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts') && !UNBUNDLED_TESTS.has(name))
  .map((name) => `/test/${name}`);

/**
 * Files of their own: the test files, the framed pages' modules, and what the source loads lazily
 * and tests watch for. Each is bundled at its path, with `.js` for `.ts`.
 */
const ENTRIES = [
  ...TESTS,
  ...new Set(PAGES.values()),
  '/src/element/modal/checkout-modal.ts',
  '/src/crypto/seal-worker.ts',
  '/src/i18n/generated/kk.ts',
  '/src/i18n/generated/en.ts',
  '/src/i18n/generated/button/kk.ts',
  '/src/i18n/generated/button/en.ts',
].map((path) => path.slice(1));

/** The bundled file for a source path (`/src/a/b.ts` → `/__pages__/src/a/b.js`). */
const bundled = (/** @type {string} */ source) => PREFIX + source.replace(/^\//, '').replace(/\.ts$/, '.js');

/**
 * @param {{ tsconfig: string, conditions: string[], enabled?: boolean }} options `enabled: false`
 *   serves the pages as they are (watch mode: an edited module must load again)
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function pageBundles({ tsconfig, conditions, enabled = true }) {
  /** @type {Promise<Map<string, string>> | undefined} */
  let files;
  return {
    name: 'page-bundles',
    transform(context) {
      const module = enabled ? PAGES.get(context.path) : undefined;
      if (!module || typeof context.body !== 'string') return;
      const tag = `src="${module}"`;
      if (!context.body.includes(tag)) throw new Error(`${context.path} no longer loads ${module}: update tools/wtr-page-bundles.js`);
      return { body: context.body.replace(tag, `src="${bundled(module)}"`) };
    },
    async serve(context) {
      if (!enabled) return;
      // The test page imports its test file (`/test/x.test.ts?wtr-session-id=…`): its bundle instead.
      if (TESTS.includes(context.path)) return { body: `import '${bundled(context.path)}';`, type: 'js' };
      if (!context.path.startsWith(PREFIX)) return;
      files ??= bundle({ tsconfig, conditions });
      const body = (await files).get(context.path.slice(PREFIX.length));
      if (body === undefined) return undefined;
      return { body, type: context.path.endsWith('.map') ? 'json' : 'js' };
    },
  };
}

/** @param {{ tsconfig: string, conditions: string[] }} options */
async function bundle({ tsconfig, conditions }) {
  const result = await build({
    entryPoints: ENTRIES,
    outbase: '.',
    outdir: 'pages',
    entryNames: '[dir]/[name]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    tsconfig,
    conditions,
    write: false,
    // Failures point at the test's own lines.
    sourcemap: 'linked',
    // The published module, as the worker imports it (and as a test refuses it by its path); the
    // test runner's own socket, which its commands import from the server by that address.
    external: ['libsodium-wrappers', '/__web-dev-server__web-socket.js'],
    plugins: [
      {
        // The worker's address, written relative to its source file, is the bundled worker's.
        name: 'sealing-worker-url',
        setup(esbuild) {
          esbuild.onLoad({ filter: /[\\/]src[\\/]core[\\/]script-starts\.ts$/ }, async ({ path }) => {
            const source = await readFile(path, 'utf8');
            const relative = "new URL('../crypto/seal-worker.ts', import.meta.url)";
            if (!source.includes(relative)) throw new Error(`${path} no longer spawns ${relative}: update tools/wtr-page-bundles.js`);
            return { contents: source.replace(relative, `new URL('${bundled('/src/crypto/seal-worker.ts')}', import.meta.url)`), loader: 'ts' };
          });
        },
      },
    ],
    logLevel: 'warning',
  });
  const root = `${process.cwd()}/pages/`;
  return new Map(result.outputFiles.map((file) => [file.path.slice(root.length), file.text]));
}
