// A @web/test-runner plugin that serves a few packages the browser cannot import as they are
// published, bundled once by esbuild (already here through @web/dev-server-esbuild):
// - React ships CommonJS only, and its named exports (`useState`, `createRoot`…) cannot be found
//   statically; Node knows them, so each entry re-exports the names Node's `require` sees (the
//   way CDNs build React as ES modules);
// - Vue's ES build reads `process.env.NODE_ENV` and compile-time flags, defined here.
// One build with code splitting, so react and react-dom share one React.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const PREFIX = '/__bundled__/';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * @param {Record<string, string>} packages import specifier → the module to bundle for it
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function bundledPackages(packages) {
  /** @type {Promise<Map<string, string>> | undefined} */
  let bundles;
  const fileOf = (/** @type {string} */ specifier) => `${specifier.replace(/[^\w]+/g, '_')}.js`;
  return {
    name: 'bundled-packages',
    resolveImport({ source }) {
      if (Object.hasOwn(packages, source)) return PREFIX + fileOf(source);
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      bundles ??= bundle(packages, fileOf);
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

/** @param {Record<string, string>} packages @param {(specifier: string) => string} fileOf */
async function bundle(packages, fileOf) {
  const entries = Object.entries(packages).map(([specifier, module]) => {
    const names = exportNames(specifier).filter((name) => name !== 'default' && IDENTIFIER.test(name));
    const contents = `import * as m from ${JSON.stringify(module)};
export const { ${names.join(', ')} } = m;
export default m.default ?? m;`;
    return { name: fileOf(specifier).slice(0, -3), contents };
  });
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
