/**
 * How the sandbox payment page decides an outcome, so every outcome can be produced by hand.
 * The cards are the test cards of seed 002; each succeeds with CVV 123 and, at 3-D Secure,
 * password 12345678. Expiry is not checked (the seed's dates are past).
 */
export const TEST_CARDS = [
  { pan: '5479270000000000', expiry: '03/22', brand: 'Mastercard' },
  { pan: '4111111111111111', expiry: '12/24', brand: 'Visa' },
  { pan: '6011000000000004', expiry: '12/24', brand: 'Maestro' },
  { pan: '2201382000000013', expiry: '12/24', brand: 'МИР' },
  { pan: '2201382000000062', expiry: '12/24', brand: 'МИР' },
  { pan: '2201382000000039', expiry: '12/24', brand: 'МИР' },
] as const;

export const TEST_CVV = '123';
export const TEST_3DS_PASSWORD = '12345678';

/** The cardholder name `CODE <code>` (e.g. `CODE 51`, `CODE 1A`, `CODE -19`) gives that acquirer code. */
export const CODE_NAME = /^\s*CODE\s+(-?[0-9A-Za-z]{1,4})\s*$/i;

export type CardOutcome =
  | { status: 'completed' }
  | { status: 'error'; code: string; errorType: 'ERROR_PAYMENT' | 'ERROR_INPUT'; message: string };

export interface CardEntry {
  pan: string;
  cvv: string;
  name: string;
}

const digits = (value: string) => value.replace(/[\s-]/g, '');

export function luhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The card step's outcome, before 3-D Secure: a named code wins; an invalid or unknown number is
 * 14 (invalid card number); a wrong CVV is 05, as seed 002 says; a test card with CVV 123 passes.
 */
export function cardOutcome({ pan, cvv, name }: CardEntry): CardOutcome {
  const named = CODE_NAME.exec(name);
  if (named) return { status: 'error', code: named[1]!.toUpperCase(), errorType: 'ERROR_PAYMENT', message: `Sandbox code ${named[1]}` };
  const number = digits(pan);
  if (!luhnValid(number) || !TEST_CARDS.some((card) => card.pan === number)) {
    return { status: 'error', code: '14', errorType: 'ERROR_INPUT', message: 'Invalid card number' };
  }
  if (cvv.trim() !== TEST_CVV) return { status: 'error', code: '05', errorType: 'ERROR_PAYMENT', message: 'Do not honour' };
  return { status: 'completed' };
}

/** The 3-D Secure step: a wrong password is 191 (3DSecure not entered or wrong). */
export function secureCodeOutcome(password: string): CardOutcome {
  return password.trim() === TEST_3DS_PASSWORD
    ? { status: 'completed' }
    : { status: 'error', code: '191', errorType: 'ERROR_INPUT', message: '3-D Secure failed' };
}
