import type { Lang, Messages } from '../messages.js';
import en from './en.js';
import kk from './kk.js';
import ru from './ru.js';

export const MESSAGES: Readonly<Record<Lang, Messages>> = { ru, kk, en };
