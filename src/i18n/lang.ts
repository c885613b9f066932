import type { Lang } from './messages.js';

export const DEFAULT_LANG: Lang = 'ru';

/** `ru`, `ru-RU` → ru; `kk`, `kz`, `kk-KZ` → kk; `en-*` → en; anything else → undefined. */
export function toLang(value: string | null | undefined): Lang | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'ru' || primary === 'en') return primary;
  if (primary === 'kk' || primary === 'kz') return 'kk';
  return undefined;
}

/** The element's `lang`, else the page's `<html lang>`, else Russian. */
export function resolveLang(elementLang: string | null | undefined, documentLang: string | null | undefined): Lang {
  return toLang(elementLang) ?? toLang(documentLang) ?? DEFAULT_LANG;
}
