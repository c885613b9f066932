// A reporter that repeats, after the run, every test file that did not pass in some engine and why.
// The default reporter prints a file's errors once, mid-run, when that file is done in all engines;
// a CI log that keeps only its tail then says "Error while running tests." and nothing more (a
// failing after-hook or an error outside any test fails the file with every test passed).
import { relative } from 'node:path';

/** @param {{ name: string, message: string, stack?: string }} error */
const describeError = (error) => {
  const stack = (error.stack ?? '').split('\n').slice(0, 6).join('\n      ');
  return `    ${error.name ?? 'Error'}: ${error.message}${stack ? `\n      ${stack}` : ''}`;
};

/** @param {any} suite @param {string[]} path @returns {Generator<string>} */
function* failedTests(suite, path = []) {
  for (const test of suite?.tests ?? []) {
    if (test.passed === false && !test.skipped) yield `    ✗ ${[...path, test.name].join(' › ')}: ${test.error?.message ?? ''}`;
  }
  for (const child of suite?.suites ?? []) yield* failedTests(child, [...path, child.name]);
}

/** @returns {import('@web/test-runner').Reporter} */
export function failureSummary() {
  return {
    stop({ sessions }) {
      const failed = sessions.filter((session) => session.passed === false);
      if (failed.length === 0) return;
      const lines = ['', `Test files that did not pass (${failed.length}):`];
      for (const session of failed) {
        lines.push(`  ${relative(process.cwd(), session.testFile)} in ${session.browser.name}${session.group?.name ? ` (${session.group.name})` : ''}`);
        for (const error of session.errors ?? []) lines.push(describeError(error));
        lines.push(...failedTests(session.testResults));
      }
      // Last thing printed, after the default reporter's final progress.
      process.once('exit', () => process.stderr.write(`${lines.join('\n')}\n\n`));
    },
  };
}
