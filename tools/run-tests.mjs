// `npm test`: everything CI checks, one part after another, each part's time said at the end.
//   1. The translations (strict: a missing one fails), the element's manifest (the browser suite and
//      the builds read both) and the type-check: a failure here ends the run at once.
//   2. The browser suite (web-test-runner: three engines at once).
//   3. The rest: the builds, the Node tests, the Storybook build, the size budget.
// A failed browser suite does not stop the rest (one run names every failure); the exit code is
// non-zero if any part failed. Running 2 and 3 at once was slower on two cores (732 s against
// 698 s, 13 % more CPU time in all) and made WebKit's waits miss.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const seconds = (/** @type {number} */ from) => `${Math.round((Date.now() - from) / 1000)} s`;

/** @param {string} script an npm script, its output shown as it comes */
function run(script) {
  const from = Date.now();
  const { status } = spawnSync('npm', ['run', script, '--silent'], { stdio: 'inherit' });
  return { ok: status === 0, took: seconds(from) };
}

const prepared = run('test:prepare');
const browsers = prepared.ok ? run('test:browsers') : { ok: false, took: 'not run' };
const rest = prepared.ok ? run('test:rest') : { ok: false, took: 'not run' };
const passed = prepared.ok && browsers.ok && rest.ok;

const verdict = (/** @type {{ ok: boolean }} */ part) => (part.ok ? 'passed' : 'FAILED');
console.log(`\nnpm test ${passed ? 'passed' : 'FAILED'} in ${seconds(started)}:`);
console.log(`  translations, manifest, type-check                       ${prepared.took}, ${verdict(prepared)}`);
console.log(`  browser suite (Chromium, Firefox, WebKit)                ${browsers.took}, ${verdict(browsers)}`);
console.log(`  builds, Node tests, Storybook build, size budget         ${rest.took}, ${verdict(rest)}`);
process.exit(passed ? 0 : 1);
