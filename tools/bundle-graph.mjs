// The built files as a graph of imports, for the size budget and the benchmark: which chunks an
// entry loads at once (its static imports, followed through) and which only on demand (`import()`).
// Works on vite's minified ES output in dist/, where every import names a relative "./chunk.js".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Minifiers write specifiers with any quote, backticks included.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g;

const names = (code, pattern) => [...code.matchAll(pattern)].map((match) => match[1].slice(2));

/** A built file's direct imports: `initial` ones load with it, `lazy` ones on demand. */
export function importsOf(dir, file) {
  const code = readFileSync(join(dir, file), 'utf8');
  return { initial: names(code, STATIC_IMPORT), lazy: names(code, DYNAMIC_IMPORT) };
}

/** The files a page downloads to run `entry`: the entry and its static imports, followed through. */
export function initialPath(dir, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of importsOf(dir, file).initial) visit(next);
  };
  visit(entry);
  return [...seen];
}

/** Every file `entry` can ever load, statically or on demand. */
export function reachable(dir, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { initial, lazy } = importsOf(dir, file);
    for (const next of [...initial, ...lazy]) visit(next);
  };
  visit(entry);
  return [...seen];
}

/** Bytes as served: raw, gzip at zlib's default level (6, what vite reports) and brotli at its best. */
export function sizeOfBytes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** `sizeOfBytes` of a built file. */
export const sizeOf = (dir, file) => sizeOfBytes(readFileSync(join(dir, file)));

/** Sizes added up. */
export function sumSizes(sizes) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const size of sizes) {
    total.raw += size.raw;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  return total;
}

/** The summed sizes of several built files. */
export const sizeOfAll = (dir, files) => sumSizes(files.map((file) => sizeOf(dir, file)));

/**
 * An app whose one module is `source`, built by vite in memory as a merchant's app would be
 * (minified, without the modulepreload polyfill, which is the app's choice and code): its chunks.
 */
export async function buildApp(source, { alias = {} } = {}) {
  const { build } = await import('vite');
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias },
    plugins: [{ name: 'app', resolveId: (id) => (id === 'app' ? '\0app' : null), load: (id) => (id === '\0app' ? source : null) }],
    build: { write: false, minify: true, sourcemap: false, modulePreload: { polyfill: false }, rollupOptions: { input: 'app' } },
  });
  return output.output.filter((file) => file.type === 'chunk');
}

/** Kilobytes of 1000 bytes, as the budget and vite count them. */
export const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
