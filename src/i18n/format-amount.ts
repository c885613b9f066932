import type { Lang } from './messages.js';

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
