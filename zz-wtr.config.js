import config from './web-test-runner.config.js';
const t0 = Date.now();
const timing = () => ({
  start({ sessions }) {
    const started = new Map();
    sessions.on('session-status-updated', (s) => {
      const key = `${s.browser.name} ${s.testFile}`;
      if (s.status === 'INITIALIZING' || s.status === 'STARTED') { if (!started.has(key)) started.set(key, Date.now()); }
      if (s.status === 'FINISHED') {
        const ms = Date.now() - (started.get(key) ?? t0);
        console.error(`TIMING ${s.browser.name} ${s.testFile.replace(/.*\/test\//, '')} ${(ms / 1000).toFixed(1)}s at ${((Date.now() - t0) / 1000).toFixed(0)}s`);
      }
    });
  },
});
export default { ...config, reporters: [...config.reporters, timing()] };
