// What a merchant's compiler says about the element in their templates, with the package installed
// from its tarball (test/typecheck/<framework>/): the pages written right compile; in the pages
// with mistakes, each marked line (✗) is reported, and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSync } from '@babel/core';
import linkerPlugin from '@angular/compiler-cli/linker/babel';
import { markedLines, packedProject, run } from './packed-project.mjs';

/** A compiler's errors (`file(line,col): error …` or ngc's `file:line:col - error …`), as file → lines. */
function reportedLines(output) {
  const lines = new Map();
  const plain = output.replace(/\x1b\[[\d;]*m/g, '');
  for (const [, file, ...at] of plain.matchAll(/^(?:\S*\/)?([\w.-]+)(?:\((\d+),\d+\):|:(\d+):\d+ -) error /gm)) {
    const line = at[0] ?? at[1];
    lines.set(file, [...new Set([...(lines.get(file) ?? []), Number(line)])].sort((a, b) => a - b));
  }
  return lines;
}

/** Each file with mistakes, and the lines marked in it. */
function marked(project, files) {
  return new Map(files.map((file) => [file, markedLines(readFileSync(join(project, 'src', file), 'utf8'))]));
}

test('Vue: vue-tsc checks <KtpayCheckout> and the bare <ktpay-checkout> in templates', () => {
  const project = packedProject('vue');
  const good = run('vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], project);
  assert.equal(good.code, 0, good.output);
  const bad = run('vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', 'tsconfig.bad.json', '--pretty', 'false'], project);
  assert.notEqual(bad.code, 0, 'the pages with mistakes compiled');
  assert.deepEqual(reportedLines(bad.output), marked(project, ['Bad.vue', 'BadTag.vue']), bad.output);
});

test('Angular: ngc compiles an app with the directive ahead of time, and checks its templates', () => {
  const project = packedProject('angular');
  const ngc = '@angular/compiler-cli/bundles/src/bin/ngc.js';
  const good = run(ngc, ['-p', 'tsconfig.json'], project);
  assert.equal(good.code, 0, good.output);
  // The app's component is compiled against the directive's compiled definition (no JIT at run time).
  const compiled = readFileSync(join(project, 'out/pay.component.js'), 'utf8');
  assert.match(compiled, /ɵɵdefineComponent/);
  assert.match(compiled, /dependencies: \[KtpayCheckoutDirective\]/);
  // An app's build links the package's partial declarations (Angular CLI runs this Babel plugin).
  const entry = join(project, 'node_modules/ktpay-checkout/dist/angular.js');
  const linked = transformSync(readFileSync(entry, 'utf8'), {
    filename: entry,
    plugins: [linkerPlugin],
    babelrc: false,
    configFile: false,
  }).code;
  assert.match(linked, /ɵɵdefineDirective\(\{[^]*?selectors: \[\["ktpay-checkout"\]\]/);
  assert.doesNotMatch(linked, /ɵɵngDeclare/);
  const bad = run(ngc, ['-p', 'tsconfig.bad.json'], project);
  assert.notEqual(bad.code, 0, 'the page with mistakes compiled');
  assert.deepEqual(reportedLines(bad.output), marked(project, ['bad.component.ts']), bad.output);
});
