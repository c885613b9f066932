import { templates as en } from './generated/en.js';
import { templates as kk } from './generated/kk.js';
import type { Lang, Messages } from './messages.js';
import { messagesOf } from './translator.js';

// Every language at once, for `describeError`, which must answer synchronously (on a merchant's
// server, or in a page that shows a code it learned elsewhere). The element itself never imports
// this module: it loads one language at a time (`load-messages.ts`).
const TEMPLATES = { ru: undefined, kk, en } as const;

export function allMessages(lang: Lang): Messages {
  return messagesOf(TEMPLATES[lang]);
}
