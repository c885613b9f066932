// What a merchant's compiler says about the element in their templates, with the package installed
// from its tarball: a page written right compiles; in one with mistakes, each marked line (✗) is
// reported, and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { markedLines, packedProject, run } from './packed-project.mjs';

/** `file(line,col): error TS…` lines of tsc-like output, as file → the lines reported. */
function reportedLines(output) {
  const lines = new Map();
  for (const [, file, line] of output.matchAll(/^(?:\S*\/)?([\w.-]+)\((\d+),\d+\): error /gm)) {
    lines.set(file, [...new Set([...(lines.get(file) ?? []), Number(line)])].sort((a, b) => a - b));
  }
  return lines;
}

test('Vue: vue-tsc checks <KtpayCheckout> and <ktpay-checkout> in templates', () => {
  const project = packedProject('vue');
  const { code, output } = run('vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], project);
  assert.notEqual(code, 0, 'Bad.vue compiled');
  const reported = reportedLines(output);
  assert.deepEqual([...reported.keys()], ['Bad.vue'], output);
  assert.deepEqual(reported.get('Bad.vue'), markedLines(readFileSync(join(project, 'src/Bad.vue'), 'utf8')), output);
});

test('Angular: ngc compiles an app with the directive ahead of time, and checks its templates', () => {
  const project = packedProject('angular');
  const good = run('@angular/compiler-cli/bundles/src/bin/ngc.js', ['-p', 'tsconfig.json'], project);
  assert.equal(good.code, 0, good.output);
  // The app's compiled component uses the directive's compiled definition, not the JIT compiler.
  const compiled = readFileSync(join(project, 'out/pay.component.js'), 'utf8');
  assert.match(compiled, /ɵɵdefineComponent/);
  assert.match(compiled, /dependencies: \[KtpayCheckoutDirective\]/);

  const bad = run('@angular/compiler-cli/bundles/src/bin/ngc.js', ['-p', 'tsconfig.bad.json'], project);
  assert.notEqual(bad.code, 0, 'bad.component.ts compiled');
  const reported = reportedLines(bad.output);
  assert.deepEqual([...reported.keys()], ['bad.component.ts'], bad.output);
  assert.deepEqual(reported.get('bad.component.ts'), markedLines(readFileSync(join(project, 'src/bad.component.ts'), 'utf8')), bad.output);
});
