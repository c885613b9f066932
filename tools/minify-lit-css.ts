import MagicString from 'magic-string';
import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit's css`…` templates in `*.styles.ts` at build time, with lightningcss
 * (vite's own CSS minifier): the element's styles ship without comments, indentation or line
 * breaks, which matters on the page's initial path. Templates with `${}` are left as they are. No
 * browser targets, so nothing is rewritten, only shortened. The sourcemap follows the edit.
 */
export function minifyLitCss(): Plugin {
  return {
    name: 'ktpay-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const edited = new MagicString(code);
      for (const match of code.matchAll(/\bcss`([^`$]*)`/g)) {
        const text = match[1]!;
        const css = new TextDecoder().decode(transform({ filename: id, code: new TextEncoder().encode(text), minify: true }).code);
        const start = match.index + match[0].indexOf('`') + 1;
        edited.overwrite(start, start + text.length, css);
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
