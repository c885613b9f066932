import type { LocaleModule, TemplateMap } from '@lit/localize';
import type { Lang, Messages } from './messages.js';
import { messagesOf } from './translator.js';

type TargetLang = Exclude<Lang, 'ru'>;

/**
 * The translations, one chunk per language, fetched the first time an element speaks it. A static
 * map, not a template-literal `import()`: bundlers and the test runner both see the files.
 * Russian is the source locale and needs no chunk.
 */
const TRANSLATIONS: Readonly<Record<TargetLang, () => Promise<LocaleModule>>> = {
  kk: () => import('./generated/kk.js'),
  en: () => import('./generated/en.js'),
};

const loaded = new Map<Lang, TemplateMap | undefined>([['ru', undefined]]);
const loading = new Map<TargetLang, Promise<Messages>>();

/** The words of `lang` if they are already here (Russian always is). */
export function messagesIfLoaded(lang: Lang): Messages | undefined {
  return loaded.has(lang) ? messagesOf(loaded.get(lang)) : undefined;
}

/** The words of `lang`, loading its chunk once per page. A failed load is asked again next time. */
export function loadMessages(lang: Lang): Promise<Messages> {
  const now = messagesIfLoaded(lang);
  if (now) return Promise.resolve(now);
  const target = lang as TargetLang; // only Russian is always loaded
  let pending = loading.get(target);
  if (!pending) {
    pending = TRANSLATIONS[target]().then(
      ({ templates }) => {
        loaded.set(target, templates);
        return messagesOf(templates);
      },
      (error: unknown) => {
        loading.delete(target);
        throw error;
      },
    );
    loading.set(target, pending);
  }
  return pending;
}
