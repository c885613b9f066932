import { defineConfig, type Plugin } from 'vite';
import { rewriteDevUrl } from './tools/dev-routes.js';

/** Serves the sandbox payment page at /sandbox/payment-card and says where the demo is. */
function sandboxDevServer(): Plugin {
  return {
    name: 'ktpay-sandbox-dev-server',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const rewritten = req.url ? rewriteDevUrl(req.url) : undefined;
        if (rewritten) req.url = rewritten;
        next();
      });
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          for (const url of server.resolvedUrls?.local ?? []) server.config.logger.info(`  ➜  Demo shop: ${url}demo/`);
        });
      });
    },
  };
}

export default defineConfig({
  plugins: [sandboxDevServer()],
  server: { port: 5173 },
  build: {
    target: 'es2022',
    minify: true,
    copyPublicDir: false, // public/ holds msw's worker, for the demo and tests only
    sourcemap: true,
    lib: {
      // ktpay-checkout.js: the element alone, for a <script type="module"> tag; translations and
      // libsodium load lazily from chunks beside it. index.js: the package entry (element plus
      // describeError). describe-error.js: describeError alone, safe on a server. sandbox.js: the
      // MSW stand-in (msw external).
      entry: {
        'ktpay-checkout': 'src/ktpay-checkout.ts',
        index: 'src/index.ts',
        'describe-error': 'src/i18n/describe-error.ts',
        sandbox: 'src/sandbox/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: { external: [/^msw(\/.*)?$/] },
  },
});
