// A reporter that says, after the run, when each engine finished its test files and how many tests
// it ran: the engines run at once, and the last one to finish is the browser suite's time. With
// WTR_FILE_TIMES=<path> it also writes there, as JSON, each file's time in each engine (from its
// first status to its end: with the engines sharing the cores, a file's time is also the others') and
// each of its tests' milliseconds: where to look when the suite grows slower.
import { writeFileSync } from 'node:fs';

/** @param {any} suite @returns {number} */
const countTests = (suite) =>
  (suite?.tests ?? []).filter((/** @type {any} */ test) => !test.skipped).length +
  (suite?.suites ?? []).reduce((/** @type {number} */ sum, /** @type {any} */ child) => sum + countTests(child), 0);

/** @param {any} suite @param {string} [prefix] @returns {Record<string, number>} each test's milliseconds, by its full name */
const testTimes = (suite, prefix = '') => {
  /** @type {Record<string, number>} */
  const times = {};
  for (const test of suite?.tests ?? []) if (test.duration !== undefined) times[prefix + test.name] = test.duration;
  for (const child of suite?.suites ?? []) Object.assign(times, testTimes(child, `${prefix}${child.name} > `));
  return times;
};

/** @returns {import('@web/test-runner').Reporter} */
export function engineTimes() {
  const startedAt = Date.now();
  /** @type {Map<string, { files: number, tests: number, doneAt: number }>} */
  const engines = new Map();
  const timesFile = process.env.WTR_FILE_TIMES;
  /** @type {Map<string, number>} when each file's session was first heard of, by its id, until it finishes (only with timesFile) */
  const fileStartedAt = new Map();
  /** @type {{ engine: string, file: string, seconds: number, tests: Record<string, number> }[]} */
  const fileTimes = [];
  return {
    start({ sessions }) {
      sessions.on('session-status-updated', (session) => {
        if (timesFile && !fileStartedAt.has(session.id)) fileStartedAt.set(session.id, Date.now());
        if (session.status !== 'FINISHED') return;
        const group = session.group?.name;
        const name = `${session.browser.name}${group && group !== 'default' ? ` (${group})` : ''}`;
        const engine = engines.get(name) ?? { files: 0, tests: 0, doneAt: 0 };
        engine.files += 1;
        engine.tests += countTests(session.testResults);
        engine.doneAt = (Date.now() - startedAt) / 1000;
        engines.set(name, engine);
        if (timesFile) {
          const seconds = (Date.now() - /** @type {number} */ (fileStartedAt.get(session.id))) / 1000;
          fileStartedAt.delete(session.id);
          fileTimes.push({ engine: name, file: session.testFile, seconds, tests: testTimes(session.testResults) });
        }
      });
    },
    stop() {
      if (timesFile) writeFileSync(timesFile, JSON.stringify(fileTimes, null, 1));
      const lines = [...engines].map(([name, { files, tests, doneAt }]) => `  ${name}: ${files} files, ${tests} tests run, done ${doneAt.toFixed(0)} s after the start`);
      // After the default reporter's final progress (and before the failure summary).
      if (lines.length > 0) process.once('exit', () => process.stderr.write(`\nEach engine:\n${lines.join('\n')}\n`));
    },
  };
}
