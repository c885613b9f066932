import { acquirerErrorText, apiErrorText } from './catalog.js';
import { resolveLang } from './lang.js';
import { allMessages } from './all-messages.js';
import type { ErrorText } from './messages.js';

/**
 * The words the element shows for a KTPay API code (seven digits, e.g. 4010103) or an acquirer
 * code (`"05"`, `"1A"`, `-19`), in `lang` (`ru`, `kk`/`kz`, `en`; Russian otherwise). For a merchant's
 * server, which learns codes from callbacks and wants to say the same thing the buyer saw.
 * An unknown code gets a generic message that shows it.
 */
export function describeError(code: string | number, lang?: string): ErrorText {
  const messages = allMessages(resolveLang(lang, undefined));
  const text = String(code).trim();
  // KTPay's own codes are seven digits; the acquirer's are at most three characters.
  if (/^\d{7}$/.test(text)) return apiErrorText(messages, text) ?? messages.ui.unknownApiError(Number(text));
  return acquirerErrorText(messages, text) ?? messages.ui.unknownAcquirerError(text);
}
