// The sandbox's stand-in for Halyk ePay's payment form, opened by the stand-in payment-api.js: in
// its overlay's frame (`isShortForm=true`) or in the whole window (`halyk.pay`, `halyk.p2p`).
// It takes a test card and 3-D Secure, records the payment (which delivers the postLink), shows
// the outcome with ePay's reason in the payment's language, then tells the shop: in the overlay, a
// message to the page that framed it (a JSON string with `success` and, beyond what Halyk's script
// reads, `reasonCode`); in the whole window, a return to `backLink` or `failureBackLink`. Test only.
import { describeError } from '../../i18n/describe-error.js';
import { formatAmount } from '../../i18n/format-amount.js';
import type { Lang } from '../../i18n/messages.js';
import { epayCardOutcome, epaySecureOutcome } from './outcome.js';
import { PAYFORM_WORDS } from './payform-words.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const query = new URLSearchParams(location.search);
const shortForm = query.get('isShortForm') === 'true';

function readPayment(): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(query.get('params') ?? '');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const payment = readPayment();
const LANGS: Record<string, Lang> = { rus: 'ru', ru: 'ru', kaz: 'kk', kz: 'kk', eng: 'en', en: 'en' };
const lang: Lang = LANGS[String(payment?.language ?? '').toLowerCase()] ?? 'ru';
const words = PAYFORM_WORDS[lang];
document.documentElement.lang = lang;

function cardMask(pan: string): string {
  const digits = pan.replace(/\D/g, '');
  return digits.length >= 10 ? `${digits.slice(0, 6)}...${digits.slice(-4)}` : '';
}

async function finish(reasonCode: number): Promise<void> {
  $('card').hidden = true;
  $('secure').hidden = true;
  let recorded: { success?: boolean; reasonCode?: number } = {};
  try {
    // Beside the form (`payform/api/pay`), wherever the sandbox is served from.
    const response = await fetch(new URL('api/pay', new URL('.', location.href)), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ payment, reasonCode, cardMask: cardMask($<HTMLInputElement>('cc-number').value) }),
    });
    recorded = (await response.json()) as typeof recorded;
  } catch {
    recorded = { success: false, reasonCode: 454 };
  }
  const success = recorded.success === true;
  const code = recorded.reasonCode ?? reasonCode;
  $('outcome').textContent = success ? words.paid : words.declined;
  $('reason').textContent = success ? '' : describeError(code, lang).message;
  $('back').textContent = words.back;
  $('result').hidden = false;
  $('back').focus();
  $('back').addEventListener('click', () => {
    if (shortForm) {
      // Halyk's form posts to the page that framed it; its script reads `success` only.
      window.parent.postMessage(JSON.stringify({ success, reasonCode: code }), '*');
      return;
    }
    const link = success ? payment?.backLink : (payment?.failureBackLink ?? payment?.backLink);
    if (typeof link === 'string' && /^https?:/.test(link)) location.assign(link);
  });
}

function main(): void {
  $('l-number').textContent = words.number;
  $('l-exp').textContent = words.expiry;
  $('l-name').textContent = words.name;
  $('l-password').textContent = words.password;
  $('pay').textContent = words.pay;
  $('hint').textContent = words.hint;
  if (!payment) {
    $('problem').textContent = words.noPayment;
    $('problem').hidden = false;
    $('card').hidden = true;
    return;
  }
  $('description').textContent = String(payment.description ?? '');
  $('amount').textContent = formatAmount(Number(payment.amount), lang);
  $('invoice').textContent = `№ ${String(payment.invoiceId ?? '')}`;
  $<HTMLInputElement>('cc-number').focus();
  $('card').addEventListener('submit', (event) => {
    event.preventDefault();
    const outcome = epayCardOutcome({
      pan: $<HTMLInputElement>('cc-number').value,
      cvv: $<HTMLInputElement>('cc-csc').value,
      name: $<HTMLInputElement>('cc-name').value,
    });
    if (outcome !== 'secure') return void finish(outcome);
    $('card').hidden = true;
    $('secure').hidden = false;
    $<HTMLInputElement>('password').focus();
  });
  $('secure').addEventListener('submit', (event) => {
    event.preventDefault();
    void finish(epaySecureOutcome($<HTMLInputElement>('password').value));
  });
}

main();
