// The demo shop as `npm run demo` runs it (vite's dev server with the shop's server half), for the
// Node tests that drive it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';

/**
 * The demo's dev server on a free port; `close` stops it. Its dependency cache is its own: the
 * Node test files run two at a time, and two servers optimizing into one `node_modules/.vite`
 * would each remove what the other wrote.
 */
export async function startDemo() {
  const cacheDir = mkdtempSync(join(tmpdir(), 'ktpay-demo-vite-'));
  const server = await createServer({ configFile: 'vite.config.ts', cacheDir, logLevel: 'silent', server: { port: 0, hmr: false } });
  await server.listen();
  const close = async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  };
  return { server, origin: `http://localhost:${server.httpServer.address().port}`, close };
}

/**
 * The shop page in `page` (an EnginePage of browsers.mjs), with `window.until(check, what, ms)` for
 * the test's own waits in the page: polls `check` until it gives something, or throws naming `what`.
 */
export async function openShop(page, origin) {
  await page.goto(`${origin}/demo/`);
  await page.evaluate(() => {
    window.until = async (check, what, ms = 20_000) => {
      for (let waited = 0; ; waited += 50) {
        const value = check();
        if (value) return value;
        if (waited > ms) throw new Error(`timed out: ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
  });
}
