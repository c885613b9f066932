// A @web/test-runner plugin that serves the packages test pages import, bundled once by esbuild
// (already here through @web/dev-server-esbuild), as Vite prebundles dependencies:
// - served as published, msw alone is some 200 modules (graphql's among them) and lit, the test
//   helpers and their own dependencies as many again: every test page and every page in its frames
//   asked for each, hundreds of requests per page, most of the suite's time in Firefox and WebKit;
// - React ships CommonJS only, and its named exports (`useState`, `createRoot`…) cannot be found
//   statically; Node knows them, so each such entry re-exports the names Node's `require` sees (the
//   way CDNs build React as ES modules);
// - Vue's ES build reads `process.env.NODE_ENV` and compile-time flags, defined here.
// One build with code splitting, so the packages share one copy of what they share: one lit for the
// element and the test helpers, one React for react and react-dom.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const PREFIX = '/__bundled__/';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * @param {Record<string, string>} packages import specifier → the module to bundle for it; an
 *   ES module package (the specifier itself, its own exports) or a CommonJS one (named by `commonjs`)
 * @param {{ conditions: string[], commonjs?: string[] }} options the export conditions the test
 *   runner resolves with; the specifiers whose modules are CommonJS
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function bundledPackages(packages, { conditions, commonjs = [] }) {
  /** @type {Promise<Map<string, string>> | undefined} */
  let bundles;
  // Named for the package, so a test can still tell its request by name (`libsodium-wrappers`).
  const fileOf = (/** @type {string} */ specifier) => `${specifier.replace(/^@/, '').replace(/[^\w-]+/g, '_')}.js`;
  return {
    name: 'bundled-packages',
    resolveImport({ source }) {
      if (Object.hasOwn(packages, source)) return PREFIX + fileOf(source);
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      bundles ??= bundle(packages, { conditions, commonjs: new Set(commonjs) }, fileOf);
      const body = (await bundles).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

/**
 * The names Node's `require` sees (Vue's CommonJS build has the same as the ES one bundled here),
 * asked of a Node of its own: React's development build patches `console` as it loads.
 * @param {string} specifier @returns {string[]}
 */
function exportNames(specifier) {
  const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/**
 * An entry's source: an ES package's own exports, or the names of a CommonJS one.
 * @param {string} specifier @param {string} module @param {boolean} commonjs
 */
function entrySource(specifier, module, commonjs) {
  if (!commonjs) return `export * from ${JSON.stringify(module)};`;
  const names = exportNames(specifier).filter((name) => name !== 'default' && IDENTIFIER.test(name));
  return `import * as m from ${JSON.stringify(module)};
export const { ${names.join(', ')} } = m;
export default m.default ?? m;`;
}

/**
 * @param {Record<string, string>} packages @param {{ conditions: string[], commonjs: Set<string> }} options
 * @param {(specifier: string) => string} fileOf
 */
async function bundle(packages, { conditions, commonjs }, fileOf) {
  const entries = Object.entries(packages).map(([specifier, module]) => ({
    name: fileOf(specifier).slice(0, -3),
    contents: entrySource(specifier, module, commonjs.has(specifier)),
  }));
  const result = await build({
    entryPoints: entries.map(({ name }) => ({ in: `entry:${name}`, out: name })),
    plugins: [
      {
        name: 'entries',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^entry:/ }, ({ path }) => ({ path, namespace: 'entry' }));
          esbuild.onLoad({ filter: /.*/, namespace: 'entry' }, ({ path }) => ({
            contents: entries.find(({ name }) => `entry:${name}` === path)?.contents,
            resolveDir: process.cwd(),
          }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    conditions,
    format: 'esm',
    write: false,
    outdir: 'bundled',
    target: 'es2022',
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'warning',
    // `m.default` is CommonJS's module.exports (React's default import); ES builds have none.
    logOverride: { 'import-is-undefined': 'silent' },
  });
  return new Map(result.outputFiles.map((file) => [file.path.split('/').pop() ?? '', file.text]));
}
