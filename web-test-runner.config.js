import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { rewriteDevUrl } from './tools/dev-routes.js';
import { bundledPackages } from './tools/wtr-bundled-packages.js';

// Browsers are never downloaded here: use the system's Chromium (Debian: apt-get install chromium)
// or any Chrome given in CHROME_PATH.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // The frameworks the element is tested in (test/frameworks/): React is CommonJS only; Vue's
    // full build (with the template compiler) is the one a page without a build step would use.
    bundledPackages({ react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom/client', vue: 'vue/dist/vue.esm-bundler.js' }),
  ],
  middleware: [
    // A payment page that refuses to be framed, as KTPay's would when its headers say so.
    (ctx, next) => {
      if (!ctx.path.startsWith('/test/framing-refused/')) return next();
      ctx.set('X-Frame-Options', 'DENY');
      ctx.set('Content-Security-Policy', "frame-ancestors 'none'");
      ctx.type = 'html';
      ctx.body = '<!doctype html><title>refuses framing</title><p>payment page</p>';
    },
    (ctx, next) => {
      const rewritten = rewriteDevUrl(ctx.url, { worker: true });
      if (rewritten) ctx.url = rewritten;
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
};
