import config from './web-test-runner.config.js';
const t0 = Date.now();
const tests = [];
const timing = () => ({
  start({ sessions }) {
    const started = new Map();
    sessions.on('session-status-updated', (s) => {
      const key = `${s.browser.name} ${s.testFile}`;
      if (s.status === 'INITIALIZING' && !started.has(key)) started.set(key, Date.now());
      if (s.status === 'FINISHED') {
        const ms = Date.now() - (started.get(key) ?? t0);
        console.error(`TIMING ${s.browser.name} ${s.testFile.replace(/.*\/test\//, '')} ${(ms / 1000).toFixed(1)}s at ${((Date.now() - t0) / 1000).toFixed(0)}s`);
        const walk = (suite, path) => {
          for (const t of suite.tests ?? []) tests.push([s.browser.name, t.duration ?? 0, `${s.testFile.replace(/.*\/test\//, '')} › ${path}${t.name}`]);
          for (const c of suite.suites ?? []) walk(c, `${path}${c.name} › `);
        };
        if (s.testResults) walk(s.testResults, '');
      }
    });
  },
  onTestRunFinished() {
    for (const b of ['WebKit', 'Chromium', 'Firefox']) {
      const mine = tests.filter((t) => t[0] === b).sort((x, y) => y[1] - x[1]);
      console.error(`SLOW ${b} total ${(mine.reduce((a, t) => a + t[1], 0) / 1000).toFixed(0)}s in ${mine.length} tests`);
      for (const t of mine.slice(0, 25)) console.error(`SLOW ${b} ${(t[1] / 1000).toFixed(2)} ${t[2].slice(0, 150)}`);
    }
  },
});
export default { ...config, reporters: [...config.reporters, timing()] };
