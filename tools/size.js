#!/usr/bin/env node
// The size budget (run `npm run build` first; `npm test` runs it with --budget, so CI fails when a
// change grows the page's initial path). Sizes are deterministic, unlike times: they are checked,
// times are only reported (`npm run bench`).
//
// Two initial paths, what a page downloads before anyone touches the button:
// - the script-tag bundle: dist/ktpay-checkout.js and its static imports;
// - a merchant's app built by a bundler (vite) from `import 'ktpay-checkout'`: its entry chunk,
//   of which lit is part and the app's own code is one line.
// Each must stay within BUDGET_BYTES gzipped, and carry neither libsodium nor the modal's words in
// any language: those load on the buyer's first sign of intent. Prints every built file too.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp, initialPath, kB, sizeOf, sizeOfAll, sizeOfBytes, sumSizes } from './bundle-graph.mjs';

export const BUDGET_BYTES = 10_000;
/** Sources that must never be on the initial path: libsodium, the modal's words, the catalogs. */
const NEVER_INITIAL = [/node_modules\/libsodium/, /\/i18n\/generated\/(?!button\/)/, /\/i18n\/strings\//, /\/i18n\/describe-error/];

const budget = process.argv.includes('--budget');
const DIST = 'dist';

function sourcesOf(file) {
  try {
    return JSON.parse(readFileSync(`${DIST}/${file}.map`, 'utf8')).sources;
  } catch {
    return [];
  }
}

/** The script-tag bundle's initial path. */
function scriptTag() {
  const files = initialPath(DIST, 'ktpay-checkout.js');
  const code = files.map((file) => readFileSync(resolve(DIST, file), 'utf8')).join('\n');
  return { files, ...sizeOfAll(DIST, files), sources: files.flatMap(sourcesOf), code };
}

/** What vite makes of `import 'ktpay-checkout'` in a merchant's app: the entry chunk and its static imports. */
async function bundledApp() {
  const built = await buildApp("import 'ktpay-checkout';", { alias: { 'ktpay-checkout': resolve('dist/index.js') } });
  const chunks = new Map(built.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const next of chunks.get(name).imports) visit(next);
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry).fileName);
  const files = [...initial].map((name) => chunks.get(name));
  const total = sumSizes(files.map((chunk) => sizeOfBytes(Buffer.from(chunk.code))));
  const code = files.map((chunk) => chunk.code).join('\n');
  return { files: files.map((c) => c.fileName), ...total, sources: files.flatMap((c) => Object.keys(c.modules)), code };
}

const rows = readdirSync(DIST)
  .filter((file) => /\.(js|wasm)$/.test(file))
  .map((file) => ({ file, ...sizeOf(DIST, file) }));
console.log('file'.padEnd(40), 'min'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const r of rows) console.log(r.file.padEnd(40), kB(r.raw).padStart(10), kB(r.gzip).padStart(10), kB(r.brotli).padStart(10));

const paths = { 'script tag (dist/ktpay-checkout.js)': scriptTag(), "bundled app (import 'ktpay-checkout')": await bundledApp() };
console.log(`\nInitial path (before the button is touched), budget ${kB(BUDGET_BYTES)} gzipped:`);
const failures = [];
for (const [name, path] of Object.entries(paths)) {
  console.log(`  ${name.padEnd(40)} ${kB(path.gzip)} gz, ${kB(path.brotli)} br  (${path.files.join(', ')})`);
  if (path.gzip > BUDGET_BYTES) failures.push(`${name}: ${path.gzip} bytes gzipped, over the budget of ${BUDGET_BYTES}`);
  // A path that does not register the element is not small, it is broken (say, a registering
  // chunk missing from package.json's sideEffects, so the bundler dropped it).
  if (!/customElements\.define\(/.test(path.code)) failures.push(`${name}: does not register the element`);
  const forbidden = path.sources.filter((source) => NEVER_INITIAL.some((pattern) => pattern.test(source)));
  if (forbidden.length > 0) failures.push(`${name}: carries what must load on intent: ${forbidden.join(', ')}`);
}
if (budget && failures.length > 0) {
  console.error(`\nSize budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
if (budget) console.log('Within budget.');
