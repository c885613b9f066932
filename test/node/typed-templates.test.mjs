// What a merchant's compiler says about the element in their templates, with the package installed
// from its tarball (test/typecheck/<framework>/): the pages written right compile; in the pages
// with mistakes, each marked line (✗) is reported, and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformSync } from '@babel/core';
import linkerPlugin from '@angular/compiler-cli/linker/babel';
import { compile as compileSvelte } from 'svelte/compiler';
import { markedLines, packedProject, run } from '../../tools/packed-project.mjs';

/**
 * A compiler's errors as file → lines: tsc's `file(line,col): error …`, ngc's `file:line:col - error
 * …`, svelte-check's `<time> ERROR "file" line:col …`.
 */
function reportedLines(output) {
  const lines = new Map();
  const plain = output.replace(/\x1b\[[\d;]*m/g, '');
  const error = /^(?:\S*\/)?([\w.-]+)(?:\((\d+),\d+\):|:(\d+):\d+ -) error |^\d+ ERROR "(?:\S*\/)?([\w.-]+)" (\d+):\d+ /gm;
  for (const [, tscFile, ...at] of plain.matchAll(error)) {
    const file = tscFile ?? at[2];
    const line = at[0] ?? at[1] ?? at[3];
    lines.set(file, [...new Set([...(lines.get(file) ?? []), Number(line)])].sort((a, b) => a - b));
  }
  return lines;
}

/** Each file with mistakes, and the lines marked in it. */
function marked(project, files, folder = 'src') {
  return new Map(files.map((file) => [file, markedLines(readFileSync(join(project, folder, file), 'utf8'))]));
}

/** The bare tag in JSX: one page, compiled by tsc with React 19's types and with Preact's. */
for (const framework of ['react', 'preact']) {
  test(`${framework === 'react' ? 'React 19' : 'Preact'}: tsc checks <ktpay-checkout> in JSX`, () => {
    const project = packedProject('jsx');
    const good = run('typescript/bin/tsc', ['-p', `tsconfig.${framework}.json`], project);
    assert.equal(good.code, 0, good.output);
    const bad = run('typescript/bin/tsc', ['-p', `tsconfig.${framework}.bad.json`], project);
    assert.notEqual(bad.code, 0, 'the page with mistakes compiled');
    assert.deepEqual(reportedLines(bad.output), marked(project, ['Bad.tsx']), bad.output);
  });
}

test('Svelte 5: svelte-check checks <ktpay-checkout> in templates', () => {
  const project = packedProject('svelte');
  const check = (tsconfig) => run('svelte-check/bin/svelte-check', ['--tsconfig', tsconfig, '--output', 'machine', '--threshold', 'error'], project);
  const good = check('./tsconfig.json');
  assert.equal(good.code, 0, good.output);
  // What Svelte makes of it: the properties set, `onktpay:success` a listener of `ktpay:success`.
  const source = readFileSync(join(project, 'good/Checkout.svelte'), 'utf8');
  const { code } = compileSvelte(source, { generate: 'client', filename: 'Checkout.svelte' }).js;
  for (const name of ['open', 'success', 'failed', 'close']) assert.match(code, new RegExp(`\\$\\.event\\('ktpay:${name}', ktpay_checkout,`));
  assert.match(code, /set_custom_element_data\(ktpay_checkout, 'orderId'/);
  const bad = check('./tsconfig.bad.json');
  assert.notEqual(bad.code, 0, 'the page with mistakes compiled');
  assert.deepEqual(reportedLines(bad.output), marked(project, ['Bad.svelte'], 'bad'), bad.output);
});

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
