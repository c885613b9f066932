import type { ErrorText, Messages } from './messages.js';

/**
 * Acquirer codes arrive as `"05"`, `"5"` or `5`: the same code. Numeric codes are compared as
 * integers (so `"-4"` stays apart from `"04"`), others ignore case (`"1a"` is `"1A"`).
 */
export function normalizeAcquirerCode(code: string | number): string {
  const text = String(code).trim();
  return /^[+-]?\d+$/.test(text) ? String(Number.parseInt(text, 10)) : text.toUpperCase();
}

const acquirerIndexes = new WeakMap<Messages, Map<string, ErrorText>>();

function acquirerIndex(messages: Messages): Map<string, ErrorText> {
  let index = acquirerIndexes.get(messages);
  if (!index) {
    index = new Map();
    for (const [codes, message] of messages.acquirerErrors) {
      for (const code of codes) index.set(normalizeAcquirerCode(code), { message });
    }
    acquirerIndexes.set(messages, index);
  }
  return index;
}

/** The catalog's text for an acquirer code, or undefined when the seed does not list it. */
export function acquirerErrorText(messages: Messages, code: string | number): ErrorText | undefined {
  return acquirerIndex(messages).get(normalizeAcquirerCode(code));
}

const epayIndexes = new WeakMap<Messages, Map<string, ErrorText>>();

function epayIndex(messages: Messages): Map<string, ErrorText> {
  let index = epayIndexes.get(messages);
  if (!index) {
    index = new Map();
    for (const [codes, text] of messages.epayReasons) {
      for (const code of codes) index.set(normalizeAcquirerCode(code), text);
    }
    epayIndexes.set(messages, index);
  }
  return index;
}

/**
 * Our words for a Halyk ePay reason code (`reasonCode` of its postLink or status API: `0` success,
 * `454` not final, `455` … `529` final), or undefined when we do not word it. Codes are normalised
 * as acquirer codes are (`"0484"`, `"484"` and `484` are one); a negative code is its own code.
 */
export function epayReasonText(messages: Messages, code: string | number): ErrorText | undefined {
  return epayIndex(messages).get(normalizeAcquirerCode(code));
}

/** The catalog's text for a KTPay API code, or undefined when the seed does not list it. */
export function apiErrorText(messages: Messages, code: number | string): ErrorText | undefined {
  const numeric = Number(String(code).trim());
  return Number.isInteger(numeric) ? messages.apiErrors[numeric] : undefined;
}
