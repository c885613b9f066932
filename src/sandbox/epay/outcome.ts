import { CODE_NAME, luhnValid, TEST_3DS_PASSWORD, TEST_CARDS, TEST_CVV } from '../cards.js';

/**
 * How the sandbox payment form decides ePay's reason code, so every outcome can be produced by
 * hand: the cardholder name `CODE <n>` gives reason code n; a test card with CVV 123 goes on to
 * 3-D Secure, where password 12345678 pays (0) and any other fails it (473).
 */
export const EPAY_SANDBOX_CODES = {
  paid: 0,
  /** A number that is not a test card, or fails the Luhn check: "no card with this number". */
  badCard: 471,
  /** A wrong CVV: "card data entered wrongly". */
  badCvv: 486,
  secureFailed: 473,
} as const;

/** The card step: a reason code now, or `secure` to ask for the 3-D Secure password. */
export function epayCardOutcome({ pan, cvv, name }: { pan: string; cvv: string; name: string }): number | 'secure' {
  const named = CODE_NAME.exec(name);
  if (named && /^-?\d+$/.test(named[1]!)) return Number(named[1]);
  const number = pan.replace(/[\s-]/g, '');
  if (!luhnValid(number) || !TEST_CARDS.some((card) => card.pan === number)) return EPAY_SANDBOX_CODES.badCard;
  if (cvv.trim() !== TEST_CVV) return EPAY_SANDBOX_CODES.badCvv;
  return 'secure';
}

export function epaySecureOutcome(password: string): number {
  return password.trim() === TEST_3DS_PASSWORD ? EPAY_SANDBOX_CODES.paid : EPAY_SANDBOX_CODES.secureFailed;
}
