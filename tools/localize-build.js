#!/usr/bin/env node
// Builds src/i18n/generated/ from xliff/ with `lit-localize build`. lit-localize only warns when a
// message has no translation (and ships the Russian instead); with --strict, as in `npm test` and
// so in CI, that warning fails the run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const strict = process.argv.includes('--strict');
const cli = createRequire(import.meta.url).resolve('@lit/localize-tools/bin/lit-localize.js');
const run = spawnSync(process.execPath, [cli, 'build'], { encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
if (run.status !== 0) process.exit(run.status ?? 1);

const missing = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => / is missing/.test(line));
if (strict && missing.length > 0) {
  console.error(`\n${missing.length} message(s) lack a translation. Run \`npm run i18n:extract\`, fill in the <target> in xliff/, and build again.`);
  process.exit(1);
}
