import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit's css`…` templates in `*.styles.ts` at build time, with lightningcss
 * (vite's own CSS minifier): the element's styles ship without comments and indentation, which
 * matters on the page's initial path. Templates with `${}` are left as they are. No browser
 * targets, so nothing is rewritten, only shortened.
 */
export function minifyLitCss(): Plugin {
  return {
    name: 'ktpay-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const minified = code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => {
        const css = new TextDecoder().decode(transform({ filename: id, code: new TextEncoder().encode(text), minify: true }).code);
        // As many lines as before, so the code after each template keeps its place in the sourcemap.
        return `css\`${css}${'\n'.repeat(text.split('\n').length - 1)}\``;
      });
      return { code: minified, map: null };
    },
  };
}
