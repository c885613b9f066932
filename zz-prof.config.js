import config from './web-test-runner.config.js';
const stats = new Map();
const add = (k, ms) => { const s = stats.get(k) ?? { n: 0, ms: 0 }; s.n++; s.ms += ms; stats.set(k, s); };
const seen = new Map();
for (const p of config.plugins) {
  for (const hook of ['transform', 'serve', 'transformImport', 'resolveImport']) {
    const fn = p[hook];
    if (!fn) continue;
    p[hook] = async function (...args) {
      const t = performance.now();
      const r = await fn.apply(this, args);
      const ctx = args[0]?.context ?? args[0];
      const path = ctx?.path ?? '';
      const ext = path.startsWith('/__') ? path.split('/')[1] : (path.match(/\.[a-z]+$/)?.[0] ?? '?');
      add(`${p.name}.${hook} ${ext}`, performance.now() - t);
      if (hook === 'transform' && p.name.includes('esbuild') && r) seen.set(ctx.url, (seen.get(ctx.url) ?? 0) + 1);
      return r;
    };
  }
}
process.on('exit', () => {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
  for (const [k, s] of rows) console.error(`PROF ${k} n=${s.n} ms=${s.ms.toFixed(0)}`);
  const rep = [...seen].filter(([, n]) => n > 1);
  console.error(`PROF esbuild transformed urls=${seen.size} repeated=${rep.length} e.g. ${rep.slice(0, 5).map(([u, n]) => `${u}×${n}`).join(' ')}`);
});
export default config;
