// A reporter that says, after the run, when each engine finished its test files and how many tests
// it ran: the engines run at once, and the last one to finish is the browser suite's time.

/** @param {any} suite @returns {number} */
const countTests = (suite) =>
  (suite?.tests ?? []).filter((/** @type {any} */ test) => !test.skipped).length +
  (suite?.suites ?? []).reduce((/** @type {number} */ sum, /** @type {any} */ child) => sum + countTests(child), 0);

/** @returns {import('@web/test-runner').Reporter} */
export function engineTimes() {
  const startedAt = Date.now();
  /** @type {Map<string, { files: number, tests: number, doneAt: number }>} */
  const engines = new Map();
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        if (session.status !== 'FINISHED') return;
        const group = session.group?.name;
        const name = `${session.browser.name}${group && group !== 'default' ? ` (${group})` : ''}`;
        const engine = engines.get(name) ?? { files: 0, tests: 0, doneAt: 0 };
        engine.files += 1;
        engine.tests += countTests(session.testResults);
        engine.doneAt = (Date.now() - startedAt) / 1000;
        engines.set(name, engine);
      });
    },
    stop() {
      const lines = [...engines].map(([name, { files, tests, doneAt }]) => `  ${name}: ${files} files, ${tests} tests run, done ${doneAt.toFixed(0)} s after the start`);
      // After the default reporter's final progress (and before the failure summary).
      if (lines.length > 0) process.once('exit', () => process.stderr.write(`\nEach engine:\n${lines.join('\n')}\n`));
    },
  };
}
