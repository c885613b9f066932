// What `npm pack` puts in the tarball: every entry `exports` names (with its types), the manifest,
// and nothing a user does not need (sources, tests, stories, the demo, bench output).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [packed] = JSON.parse(
  execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: root, encoding: 'utf8' }),
);
const files = new Set(packed.files.map(({ path }) => path));
const strip = (path) => path.replace(/^\.\//, '');

/** Every file path an `exports` entry points at, through its conditions. */
function targets(entry) {
  return typeof entry === 'string' ? [entry] : Object.values(entry).flatMap(targets);
}

test('every export, with its types, is in the tarball', () => {
  for (const [subpath, entry] of Object.entries(pkg.exports)) {
    for (const target of targets(entry)) assert.ok(files.has(strip(target)), `${subpath} → ${target} is not packed`);
    if (typeof entry !== 'string' && entry.default?.endsWith('.js')) assert.ok(entry.types, `${subpath} has no types`);
  }
  for (const subpath of ['.', './react', './vue', './angular', './preact', './svelte', './sandbox', './server', './describe-error', './ktpay-checkout.js']) {
    assert.ok(pkg.exports[subpath], `no export ${subpath}`);
  }
});

test('the manifest and the registering entries are packed and named', () => {
  assert.ok(files.has(pkg.customElements), 'custom-elements.json is not packed');
  const manifest = JSON.parse(readFileSync(new URL(pkg.customElements, root), 'utf8'));
  const tags = manifest.modules.flatMap((module) => module.declarations ?? []).map((declaration) => declaration.tagName);
  assert.ok(tags.includes('ktpay-checkout'));
  for (const module of manifest.modules) assert.ok(files.has(module.path), `the manifest names ${module.path}, which is not packed`);
  // Every entry that registers the element is marked, so no bundler drops the registration (the
  // src/ ones are for this package's own build, which reads the same list).
  for (const path of pkg.sideEffects.filter((path) => path.startsWith('./dist/'))) {
    assert.ok(files.has(strip(path)), `sideEffects names ${path}, which is not packed`);
  }
  for (const subpath of ['.', './react', './vue', './angular', './ktpay-checkout.js']) {
    assert.ok(pkg.sideEffects.includes(pkg.exports[subpath].default), `${subpath} registers, but is not in sideEffects`);
  }
  for (const source of ['./src/ktpay-checkout.ts', './src/react.ts', './src/vue.ts', './src/angular.ts']) assert.ok(pkg.sideEffects.includes(source), `${source} is not in sideEffects`);
});

test('the sandbox payment page is packed, for merchants\' own tests', () => {
  assert.ok(files.has('dist/sandbox/payment-card.html'));
  assert.ok(files.has('dist/sandbox/payment-card.js'));
});

test('nothing else: built files, the manifest, the readme, package.json', () => {
  const extra = [...files].filter(
    (path) =>
      !/^dist\/.+\.(js|js\.map|d\.ts)$/.test(path) &&
      !/^dist\/libsodium-[\w-]+\.wasm$/.test(path) && // the script tag's sealing worker's WebAssembly
      path !== 'dist/sandbox/payment-card.html' && !['package.json', 'README.md', 'LICENSE', pkg.customElements].includes(path),
  );
  assert.deepEqual(extra, []);
});
