import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { rewriteDevUrl } from './tools/dev-routes.js';

// Browsers are never downloaded here: use the system's Chromium (Debian: apt-get install chromium)
// or any Chrome given in CHROME_PATH.
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  middleware: [
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
