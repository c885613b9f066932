// The quick loop: the browser tests of the files named, or else of the test files changed since the
// last commit (and new ones), in one engine (Chromium unless BROWSERS says otherwise). `npm test`
// stays the full run CI does.
//   npm run test:quick                          the test files git sees changed
//   npm run test:quick -- test/modal.test.ts    these files
import { execFileSync, spawnSync } from 'node:child_process';

const named = process.argv.slice(2);
const git = (/** @type {string[]} */ args) => execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
const changed = () =>
  [...new Set([...git(['diff', '--name-only', 'HEAD']), ...git(['ls-files', '--others', '--exclude-standard'])])].filter((file) =>
    /^test\/(?!node\/|typecheck\/).*\.test\.ts$/.test(file),
  );
const files = named.length > 0 ? named : changed();
if (files.length === 0) {
  console.log('No test file changed since the last commit: name the ones to run (npm run test:quick -- test/modal.test.ts).');
  process.exit(0);
}
const env = { ...process.env, BROWSERS: process.env.BROWSERS ?? 'chromium' };
console.log(`Running ${files.join(', ')} in ${env.BROWSERS}`);
const run = (/** @type {string} */ command, /** @type {string[]} */ args) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
// test/system/'s group starts browsers of its own: only when one of its files is asked for.
const group = files.some((file) => file.startsWith('test/system/')) ? [] : ['--group', 'default'];
const status = run(process.execPath, ['tools/localize-build.js']) || run('npx', ['web-test-runner', ...group, ...files.flatMap((file) => ['--files', file])]);
process.exit(status);
