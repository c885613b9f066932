import type { LocaleModule } from '@lit/localize';
import { DEFAULT_LANG } from './lang.js';
import type { Lang, Messages } from './messages.js';
import { buildMessages, translator } from './translator.js';

/**
 * The translations, one chunk per language, fetched the first time an element speaks it. A static
 * map, not a template-literal `import()`: bundlers and the test runner both see the files.
 * Russian is the source locale and needs no chunk.
 */
const TRANSLATIONS: Readonly<Record<Lang, (() => Promise<LocaleModule>) | undefined>> = {
  ru: undefined,
  kk: () => import('./generated/kk.js'),
  en: () => import('./generated/en.js'),
};

const ready = new Map<Lang, Messages>();
const loading = new Map<Lang, Promise<Messages>>();

/** The words of `lang` if they are already here (Russian always is). */
export function messagesIfLoaded(lang: Lang): Messages | undefined {
  if (lang === DEFAULT_LANG && !ready.has(lang)) ready.set(lang, buildMessages(translator()));
  return ready.get(lang);
}

/** The words of `lang`, loading its chunk once per page. A failed load is retried next time. */
export function loadMessages(lang: Lang): Promise<Messages> {
  const now = messagesIfLoaded(lang);
  if (now) return Promise.resolve(now);
  let pending = loading.get(lang);
  const translations = TRANSLATIONS[lang];
  if (!pending && translations) {
    pending = translations().then(
      ({ templates }) => {
        const messages = buildMessages(translator(templates));
        ready.set(lang, messages);
        return messages;
      },
      (error: unknown) => {
        loading.delete(lang);
        throw error;
      },
    );
    loading.set(lang, pending);
  }
  return pending ?? Promise.reject(new Error(`No translations for "${lang}"`));
}
