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

/** The BCP 47 tag for `Intl` (Kazakh as spoken in Kazakhstan). */
export const INTL_LOCALE: Readonly<Record<Lang, string>> = { ru: 'ru-KZ', kk: 'kk-KZ', en: 'en-KZ' };

/** Amounts are tenge: `1 000,00 ₸` in Russian, `₸1,000.00` in English. */
export function formatAmount(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
