import type { LocaleModule } from '@lit/localize';
import { lazyCatalog } from './lazy-catalog.js';
import type { Messages } from './messages.js';
import { messagesOf } from './translator.js';

const translated = async (chunk: Promise<LocaleModule>) => messagesOf((await chunk).templates);

/**
 * What the modal says, in every language: loaded with the modal, never on the page's initial path.
 * Russian is the source locale, whose words are the defaults in `strings/`; the others are one
 * chunk each, fetched the first time an element speaks them.
 */
export const modalMessages = lazyCatalog<Messages>(() => messagesOf(), {
  kk: () => translated(import('./generated/kk.js')),
  en: () => translated(import('./generated/en.js')),
});
