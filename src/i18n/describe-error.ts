import { acquirerErrorText, apiErrorText, epayReasonText } from './catalog.js';
import { resolveLang } from './lang.js';
import { allMessages } from './all-messages.js';
import type { ErrorText } from './messages.js';

/**
 * The words the element shows for a KTPay API code (seven digits, e.g. 4010103), an acquirer
 * code (`"05"`, `"1A"`, `-19`) or a Halyk ePay reason code (`reasonCode` of its postLink: `0`,
 * `454` … `529`), in `lang` (`ru`, `kk`/`kz`, `en`; Russian otherwise). For a merchant's server,
 * which learns codes from callbacks and wants to say the same thing the buyer saw.
 * An unknown code gets a generic message that shows it.
 *
 * The three never collide: KTPay's codes are seven digits; the acquirer catalog of seed 000 has
 * negative codes (-22 … -2), codes of one or two characters (`"01"` … `"96"`, `"1A"`) and a few of
 * three digits (189 … 199, 216, 961, 962); ePay's are 0 and 454 … 529, none of them the
 * acquirer's (`test/catalog.test.ts` checks it). The acquirer catalog is asked first, so every
 * code it words keeps its words.
 */
export function describeError(code: string | number, lang?: string): ErrorText {
  const messages = allMessages(resolveLang(lang, undefined));
  const text = String(code).trim();
  // KTPay's own codes are seven digits; the acquirer's and ePay's at most three characters.
  if (/^\d{7}$/.test(text)) return apiErrorText(messages, text) ?? messages.ui.unknownApiError(Number(text));
  return acquirerErrorText(messages, text) ?? epayReasonText(messages, text) ?? messages.ui.unknownAcquirerError(text);
}
