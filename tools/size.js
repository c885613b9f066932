// Prints the gzipped and brotli sizes of the built files (run `npm run build` first): what a page
// downloads before the button is touched (the entry) and what loads on the first Pay (libsodium).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = readdirSync('dist')
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(`dist/${file}`);
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
  });
console.log('file'.padEnd(36), 'min'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const r of rows) console.log(r.file.padEnd(36), kb(r.raw).padStart(10), kb(r.gzip).padStart(10), kb(r.brotli).padStart(10));
