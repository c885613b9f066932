import type { Lang } from './messages.js';

type TargetLang = Exclude<Lang, 'ru'>;

/** Words in every language, Russian at hand and the others fetched when first asked for. */
export interface LazyCatalog<T> {
  /** The words of `lang` if they are already here (Russian always is). */
  ifLoaded(lang: Lang): T | undefined;
  /** The words of `lang`, loading its chunk once per page. A failed load is asked again next time. */
  load(lang: Lang): Promise<T>;
}

/**
 * `russian` builds the source locale's words (on first use); `translations` load the others, one
 * chunk per language. A static map, not a template-literal `import()`: bundlers and the test
 * runner both see the files.
 */
export function lazyCatalog<T>(russian: () => T, translations: Readonly<Record<TargetLang, () => Promise<T>>>): LazyCatalog<T> {
  const loaded = new Map<Lang, T>();
  const loading = new Map<TargetLang, Promise<T>>();
  const ifLoaded = (lang: Lang): T | undefined => {
    if (lang === 'ru' && !loaded.has('ru')) loaded.set('ru', russian());
    return loaded.get(lang);
  };
  return {
    ifLoaded,
    load(lang) {
      const now = ifLoaded(lang);
      if (now) return Promise.resolve(now);
      const target = lang as TargetLang; // only Russian is always loaded
      let pending = loading.get(target);
      if (!pending) {
        pending = translations[target]().then(
          (words) => {
            loaded.set(target, words);
            return words;
          },
          (error: unknown) => {
            loading.delete(target);
            throw error;
          },
        );
        loading.set(target, pending);
      }
      return pending;
    },
  };
}
