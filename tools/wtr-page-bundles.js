// A @web/test-runner plugin: the pages tests load in frames (a merchant's page, the sandbox's payment
// page and ePay form) take the element as the merchant's bundler would give it, a few bundled files,
// instead of its source's dozens of modules. Every request a framed page makes goes through the
// network fake's service worker to the test page and back; in Firefox that round trip costs some
// 30–45 ms a module, over a second each time a merchant's page loads in a frame (WebKit half that).
// The test page itself still imports the source, module by module, as the tests' own imports do.
//
// The build keeps what tests observe of a page's requests: the modal's code, the translations and
// the sealing worker are files of their own at paths that name them
// (`…/element/modal/checkout-modal.js`, `…/crypto/seal-worker.js`), loaded when the source loads them;
// libsodium stays the published module the worker imports.
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
 * Files of their own: the pages' modules, and what the source loads lazily and tests watch for.
 * Each is bundled at its path under src/, with `.js` for `.ts`.
 */
const ENTRIES = [
  ...new Set([...PAGES.values()].map((module) => module.slice(1))),
  'src/element/modal/checkout-modal.ts',
  'src/crypto/seal-worker.ts',
  'src/i18n/generated/kk.ts',
  'src/i18n/generated/en.ts',
  'src/i18n/generated/button/kk.ts',
  'src/i18n/generated/button/en.ts',
];

/** The bundled file for a source path under src/ (`/src/a/b.ts` → `/__pages__/a/b.js`). */
const bundled = (/** @type {string} */ source) => PREFIX + source.replace(/^\/?src\//, '').replace(/\.ts$/, '.js');

/**
 * @param {{ tsconfig: string, conditions: string[], enabled?: boolean }} options `enabled: false`
 *   serves the pages as they are (watch mode: an edited module must load again)
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function framedPageBundles({ tsconfig, conditions, enabled = true }) {
  /** @type {Promise<Map<string, string>> | undefined} */
  let files;
  return {
    name: 'framed-page-bundles',
    transform(context) {
      const module = enabled ? PAGES.get(context.path) : undefined;
      if (!module || typeof context.body !== 'string') return;
      const tag = `src="${module}"`;
      if (!context.body.includes(tag)) throw new Error(`${context.path} no longer loads ${module}: update tools/wtr-page-bundles.js`);
      return { body: context.body.replace(tag, `src="${bundled(module)}"`) };
    },
    async serve(context) {
      if (!enabled || !context.path.startsWith(PREFIX)) return;
      files ??= bundle({ tsconfig, conditions });
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

/** @param {{ tsconfig: string, conditions: string[] }} options */
async function bundle({ tsconfig, conditions }) {
  const result = await build({
    entryPoints: ENTRIES,
    outbase: 'src',
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
    // The published module, as the worker imports it (and as a test refuses it by its path).
    external: ['libsodium-wrappers'],
    plugins: [
      {
        // The worker's address, written relative to its source file, is the bundled worker's.
        name: 'sealing-worker-url',
        setup(esbuild) {
          esbuild.onLoad({ filter: /[\\/]src[\\/]crypto[\\/]sealing-worker\.ts$/ }, async ({ path }) => {
            const source = await readFile(path, 'utf8');
            const relative = "new URL('./seal-worker.ts', import.meta.url)";
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
