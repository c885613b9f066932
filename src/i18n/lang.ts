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

let kazakhNumbers: boolean | undefined;

/**
 * The BCP 47 tag for `Intl`. Some runtimes (Chromium among them) ship no Kazakh number data and
 * would write `₸ 1,234.50`; Kazakh writes amounts as Russian does (`1 234,50 ₸`), so `ru-KZ`
 * stands in for it there.
 */
function intlLocale(lang: Lang): string {
  if (lang === 'kk') return (kazakhNumbers ??= new Intl.NumberFormat('kk-KZ').format(1.5) === '1,5') ? 'kk-KZ' : 'ru-KZ';
  return lang === 'en' ? 'en-KZ' : 'ru-KZ';
}

/** Amounts are tenge: `1 000,00 ₸` in Russian, `₸1,000.00` in English. */
export function formatAmount(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}
