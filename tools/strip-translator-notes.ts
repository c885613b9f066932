import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** `, desc: '…'` in a message's options, in any of the three quotes (no `${}` in a note). */
const NOTE = /,\s*desc:\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\$]|\\.)*`)/g;

/**
 * Drops the translators' notes (`desc`) from the messages' options at build time: lit-localize
 * reads them from the source into the XLIFF files, and nothing reads them at run time, so they
 * need not ship (the button's two were a tenth of a kilobyte on the page's initial path). The
 * sourcemap follows the edit.
 */
export function stripTranslatorNotes(): Plugin {
  return {
    name: 'ktpay-strip-translator-notes',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/i18n\/.*strings.*\.ts$/.test(id) || !code.includes('desc:')) return null;
      const edited = new MagicString(code);
      for (const match of code.matchAll(NOTE)) edited.remove(match.index, match.index + match[0].length);
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
