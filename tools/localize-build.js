#!/usr/bin/env node
// Builds src/i18n/generated/ from xliff/ with `lit-localize build`, for each of the two catalogs:
// the modal's (lit-localize.json) and the pay button's (lit-localize.button.json, on the page's
// initial path). lit-localize only warns when a message has no translation (and ships the Russian
// instead); with --strict, as in `npm test` and so in CI, that warning fails the run.
// `--extract` runs `lit-localize extract` for both instead (npm run i18n:extract).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export const CONFIGS = ['lit-localize.json', 'lit-localize.button.json'];

const strict = process.argv.includes('--strict');
const command = process.argv.includes('--extract') ? 'extract' : 'build';
const cli = createRequire(import.meta.url).resolve('@lit/localize-tools/bin/lit-localize.js');
let missing = [];
for (const config of CONFIGS) {
  const run = spawnSync(process.execPath, [cli, command, '--config', config], { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  if (run.status !== 0) process.exit(run.status ?? 1);
  missing = missing.concat(`${run.stdout}\n${run.stderr}`.split('\n').filter((line) => / is missing/.test(line)));
}
if (strict && missing.length > 0) {
  console.error(`\n${missing.length} message(s) lack a translation. Run \`npm run i18n:extract\`, fill in the <target> in xliff/, and build again.`);
  process.exit(1);
}
