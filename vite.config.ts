import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { merchantBackend } from './demo/merchant-backend.js';
import { rewriteDevUrl } from './tools/dev-routes.js';
import { libsodiumWasmFile } from './tools/libsodium-wasm-file.js';
import { minifyLitCss } from './tools/minify-lit-css.js';
import { stripTranslatorNotes } from './tools/strip-translator-notes.js';
import { receiptPdf } from './src/sandbox/receipt-pdf.js';
import { SANDBOX_API_URL } from './src/sandbox/config.js';

/**
 * The sandbox receipt's address: the buyer opens it in a new tab, a navigation, which msw (the
 * sandbox's API, in the page) does not answer; the dev server does, with what the address tells.
 */
const SANDBOX_RECEIPT = new RegExp(`^${SANDBOX_API_URL}/([^/?#]+)/pdf(?:[?#]|$)`);

/** Serves the sandbox payment page at /sandbox/payment-card and its receipts, and the demo shop at the root. */
function sandboxDevServer(): Plugin {
  return {
    name: 'ktpay-sandbox-dev-server',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const receipt = req.url ? SANDBOX_RECEIPT.exec(req.url) : null;
        if (receipt) {
          res.setHeader('Content-Type', 'application/pdf');
          res.end(receiptPdf({ transactionHash: decodeURIComponent(receipt[1]!) }));
          return;
        }
        // The first address vite prints is the site's root: it is the demo shop.
        if (req.url === '/' || req.url?.startsWith('/?')) {
          res.writeHead(302, { Location: `/demo/${req.url.slice(1)}` });
          res.end();
          return;
        }
        const rewritten = req.url ? rewriteDevUrl(req.url) : undefined;
        if (rewritten) req.url = rewritten;
        next();
      });
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          for (const url of server.resolvedUrls?.local ?? []) server.config.logger.info(`  ➜  Demo shop: ${url}demo/`);
        });
      });
    },
  };
}

/**
 * Two builds into dist/ (`vite build`, then `vite build --mode cdn`):
 * - the package's module entries for bundlers and servers: index.js (the element plus
 *   describeError), react.js, vue.js and angular.js (the framework wrappers), describe-error.js (describeError alone),
 *   sandbox.js (the MSW stand-in) and server.js (the merchant's callback endpoint, Node only).
 *   Their dependencies stay imports, so an app shares one lit, and in Node lit's own server build
 *   (with its DOM shim) loads: importing the package during server-side rendering does not throw.
 * - `cdn`: ktpay-checkout.js, the element alone and self-contained for a `<script type="module">`
 *   tag; translations and libsodium load lazily from chunks beside it.
 * package.json's `sideEffects` names the registering entries in src/ as well as in dist/: these
 * builds read it too, and would drop the registration from an entry they thought pure.
 */
const PACKAGE_DEPENDENCIES = [/^lit(\/.*)?$/, /^@lit\//, /^libsodium-wrappers$/, /^msw(\/.*)?$/, /^react(\/.*)?$/, /^vue$/, /^@angular\//, /^node:/];

/**
 * In the package's build, each language's words stay a chunk of their own and the small modules
 * the element shares with `describeError` stay out of its chunk: otherwise the chunking merges them
 * into describe-error's (all languages), and a bundler would put that on the page's initial path.
 */
function packageChunk(id: string): string | undefined {
  if (/\/i18n\/generated\/button\//.test(id)) return undefined; // imported lazily only: a chunk each, named below
  return wordsChunk(id) ?? (/\/i18n\/lang\.ts$/.test(id) ? 'lang' : undefined);
}

/** Names each language's chunks for what they hold: the button's words, or the modal's. */
function wordsChunk(id: string): string | undefined {
  const words = /\/i18n\/generated\/(button\/)?(\w+)\.ts$/.exec(id);
  if (!words) return undefined;
  return words[1] ? `button-words-${words[2]}` : `messages-${words[2]}`;
}

/**
 * In the script-tag build, each language's modal words get their own copy of @lit/localize's `str`
 * tag (a few dozen bytes) instead of importing it from the modal's chunk. Otherwise that chunk
 * exports more than its module, so the element's `import()` of it needs a namespace object, whose
 * helper sits in a chunk of its own: a request more, in a row, between a first tap and the payment.
 */
function ownStrTagPerLanguage(): Plugin {
  const VIRTUAL = '\0ktpay-str-tag:';
  return {
    name: 'ktpay-own-str-tag',
    enforce: 'pre',
    resolveId(source, importer) {
      const words = importer && /[\\/]i18n[\\/]generated[\\/](\w+)\.ts$/.exec(importer);
      return source === '@lit/localize' && words ? `${VIRTUAL}${words[1]}` : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      return readFileSync(createRequire(import.meta.url).resolve('@lit/localize/internal/str-tag.js'), 'utf8');
    },
  };
}

/**
 * The modal's chunk and the script itself open with V8's explicit compile hint (Chromium 136+;
 * other engines read a comment): their functions are compiled as the file is, while it loads,
 * rather than one by one at their first call on the main thread. The modal's all run at Pay:
 * between the tap and the request, and in the modal's first drawing (on the phone bench, a
 * 56–60 ms task). The script's are most of them Lit's and the element's, run as the button is
 * drawn: imported on a blank page at 4x CPU, 5 loads in 6 had no task of 50 ms or more with the
 * hint, every load had one (53–108 ms) without.
 */
const compileHint = (chunk: { name: string }) =>
  chunk.name === 'checkout-modal' || chunk.name === 'ktpay-checkout' ? '//# allFunctionsCalledOnLoad' : '';

/** A chunk's file: a language's words named for what they hold, anything else for its module. */
const chunkFileName = (chunk: { facadeModuleId: string | null }) => `${wordsChunk(chunk.facadeModuleId ?? '') ?? '[name]'}-[hash].js`;

/** Where ngc puts ktpay-checkout/angular, partially compiled (tsconfig.angular.json). */
const NGC_OUT = resolve('node_modules/.cache/ngc');

/**
 * dist/angular.js is the directive as Angular's compiler left it (its metadata compiled to the
 * `ɵɵngDeclare…` calls an app's build links), bundled like the other entries: its imports of our
 * modules resolve back to src/, so it shares their chunks. Its types are ngc's too (an AOT app's
 * compiler reads the directive's inputs and outputs there), written to dist/types/angular.d.ts.
 */
function angularPartial(): Plugin {
  return {
    name: 'ktpay-angular-partial',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer?.startsWith(`${NGC_OUT}/`) || !source.startsWith('.')) return null;
      return resolve('src', relative(NGC_OUT, resolve(dirname(importer), source))).replace(/\.js$/, '.ts');
    },
    generateBundle(_options, bundle) {
      // Only in the build that has the entry (Storybook's build reads this file too).
      if (!Object.values(bundle).some((file) => file.type === 'chunk' && file.isEntry && file.name === 'angular')) return;
      this.emitFile({ type: 'asset', fileName: 'types/angular.d.ts', source: readFileSync(`${NGC_OUT}/angular.d.ts`, 'utf8') });
    },
  };
}

const SANDBOX_PAGE = 'src/sandbox/page/payment-card.html';

/**
 * `vite build --mode sandbox-page`: the sandbox's payment page as static files, dist/sandbox/
 * payment-card.html and its script beside it, for hosts without our dev server (a static Storybook,
 * a merchant's own tests): served at `<widget-url>/`, it answers `<widget-url>/payment-card`.
 */
function sandboxPageBuild(): UserConfig {
  const page: Plugin = {
    name: 'ktpay-sandbox-page',
    generateBundle() {
      // The page's script is beside it, whatever path it is served at.
      const source = readFileSync(SANDBOX_PAGE, 'utf8');
      const html = source.replace('src="/src/sandbox/page/payment-card.ts"', 'src="./payment-card.js"');
      if (html === source) this.error(`${SANDBOX_PAGE} no longer loads /src/sandbox/page/payment-card.ts`);
      this.emitFile({ type: 'asset', fileName: 'payment-card.html', source: html });
    },
  };
  return {
    plugins: [page],
    build: {
      target: 'es2022',
      minify: true,
      outDir: 'dist/sandbox',
      copyPublicDir: false,
      lib: { entry: { 'payment-card': 'src/sandbox/page/payment-card.ts' }, formats: ['es'] },
    },
  };
}

export default defineConfig(({ mode }) => mode === 'sandbox-page' ? sandboxPageBuild() : config(mode));

function config(mode: string): UserConfig {
  const wasmFile = mode === 'cdn' ? libsodiumWasmFile() : undefined;
  return {
    plugins: [sandboxDevServer(), merchantBackend(), minifyLitCss(), stripTranslatorNotes(), ...(mode === 'production' ? [angularPartial()] : []), ...(mode === 'cdn' ? [ownStrTagPerLanguage()] : []), ...(wasmFile ? [wasmFile.page] : [])],
    // .apps/ holds merchants' apps that the Node tests build (tools/merchant-apps.mjs): not the demo's to watch.
    server: { port: 5173, watch: { ignored: ['**/.apps/**'] } },
    // The sealing worker's file sits beside the chunk that starts it, found relative to that chunk
    // (wherever the files are served from), as an ES module like the rest.
    base: './',
    // One file: the worker imports libsodium dynamically (see seal-worker.ts), without a round trip more.
    worker: {
      format: 'es',
      plugins: () => (wasmFile ? [wasmFile.worker] : []),
      rolldownOptions: { output: { entryFileNames: '[name]-[hash].js', inlineDynamicImports: true } },
    },
    build: {
      target: 'es2022',
      minify: true,
      copyPublicDir: false, // public/ holds msw's worker, for the demo and tests only
      sourcemap: true,
      emptyOutDir: mode !== 'cdn',
      lib: {
        entry: (mode === 'cdn'
            ? { 'ktpay-checkout': 'src/ktpay-checkout.ts' }
            : {
                index: 'src/index.ts',
                react: 'src/react.ts',
                vue: 'src/vue.ts',
                angular: `${NGC_OUT}/angular.js`,
                'describe-error': 'src/i18n/describe-error.ts',
                sandbox: 'src/sandbox/index.ts',
                server: 'src/server/index.ts',
              }) as Record<string, string>,
        formats: ['es'],
      },
      rollupOptions: {
        external: mode === 'cdn' ? [] : PACKAGE_DEPENDENCIES,
        // The script-tag build goes to browsers as it is: what the entry shares with the modal's
        // chunk stays in the entry (one request, not two), and it is minified whole (Vite keeps
        // whitespace in library ES output, which the package's entries keep for bundlers).
        ...(mode === 'cdn'
          ? {
              preserveEntrySignatures: 'allow-extension' as const,
              output: { minify: true, postBanner: compileHint, chunkFileNames: chunkFileName },
            }
          : { output: { manualChunks: packageChunk, chunkFileNames: chunkFileName } }),
      },
    },
  };
}
