import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';
import { STORY_FILES } from '../stories/story-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// The list the test renders is the list Storybook shows: a story file outside it is a mistake.
const unlisted = readdirSync(`${root}stories`).filter((file) => file.endsWith('.stories.ts') && !STORY_FILES.includes(file));
if (unlisted.length > 0) throw new Error(`Add ${unlisted.join(', ')} to stories/story-files.ts`);

/**
 * The pages the stories frame, by the path they are asked at: the sandbox payment page (at
 * `<widget-url>/payment-card`; vite.config.ts's plugin rewrites that path to the file first) and
 * stories/pages/. Storybook's vite serves and builds no HTML but its own.
 */
const PAGES: Record<string, string> = {
  '/sandbox/payment-card': 'src/sandbox/page/payment-card.html',
  '/src/sandbox/page/payment-card.html': 'src/sandbox/page/payment-card.html',
  '/stories/pages/fresh/checkout.html': 'stories/pages/fresh/checkout.html',
  '/stories/pages/payment-page-loading.html': 'stories/pages/payment-page-loading.html',
  '/sandbox/epay/payform/': 'src/sandbox/epay/payform.html',
  '/sandbox/epay/payform': 'src/sandbox/epay/payform.html',
};
/** The ePay sandbox's stand-in for Halyk's script: a classic script, served and copied as written. */
const EPAY_SCRIPT = { path: '/sandbox/epay/payment-api.js', file: 'src/sandbox/epay/payment-api.js' };
/**
 * The same pages in a static build. The sandbox page is written as `sandbox/payment-card.html`
 * (resolved and loaded below), which static hosts serve at `sandbox/payment-card`.
 */
const BUILT_PAGES = [
  `${root}sandbox/payment-card.html`,
  `${root}sandbox/epay/payform/index.html`,
  `${root}stories/pages/fresh/checkout.html`,
  `${root}stories/pages/payment-page-loading.html`,
];

function framedPages(): Plugin {
  return {
    name: 'ktpay-storybook-pages',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] === EPAY_SCRIPT.path) {
          return void res.setHeader('Content-Type', 'text/javascript').end(readFileSync(`${root}${EPAY_SCRIPT.file}`));
        }
        const file = PAGES[req.url?.split('?')[0] ?? ''];
        if (!file) return next();
        // As written: vite serves their scripts as modules; Storybook's HTML injections stay out.
        res.setHeader('Content-Type', 'text/html').end(readFileSync(`${root}${file}`));
      });
    },
    // Storybook sets iframe.html as the one input; the pages join it.
    config(config, { command }) {
      if (command !== 'build') return;
      for (const options of [config.build?.rolldownOptions, config.build?.rollupOptions]) {
        if (options?.input) options.input = [options.input as string, ...BUILT_PAGES].flat();
      }
    },
    // Storybook puts its module-mocking runtime into every page it builds, at a path only right
    // beside iframe.html; these pages mock nothing.
    transformIndexHtml: {
      order: 'post',
      handler: (html, { path }) => (path === '/iframe.html' ? html : html.replace(/<script [^>]*vite-inject-mocker-entry[^>]*><\/script>/, '')),
    },
    resolveId: (id) => (id === BUILT_PAGES[0] || id === BUILT_PAGES[1] ? id : undefined),
    load: (id) => {
      if (id === BUILT_PAGES[0]) return readFileSync(`${root}${PAGES['/sandbox/payment-card']}`, 'utf8');
      if (id === BUILT_PAGES[1]) return readFileSync(`${root}${PAGES['/sandbox/epay/payform/']}`, 'utf8');
      return undefined;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: EPAY_SCRIPT.path.slice(1), source: readFileSync(`${root}${EPAY_SCRIPT.file}`, 'utf8') });
    },
  };
}

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  // The stories, and the docs pages (stories/docs/: the overview, the API table, a page per
  // framework, the test cards, and the guides in docs/*.md).
  stories: ['../stories/docs/*.mdx', ...STORY_FILES.map((file) => `../stories/${file}`)],
  addons: ['@storybook/addon-docs'],
  // msw's worker, served at the root (its scope must cover the preview and the framed pages).
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (vite) => ({
    ...vite,
    plugins: [...(vite.plugins ?? []), framedPages()],
    // Storybook's own preview runtime is ~900 kB, Angular's template compiler (the Angular story
    // compiles just in time) ~1.3 MB; the size warning would be about them, not us.
    build: { ...vite.build, chunkSizeWarningLimit: 2000 },
    // Storybook's renderer imports this one unbundled, which loaded a second lit-html beside the element's.
    optimizeDeps: { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] },
  }),
};
export default config;
