// The sandbox payment page: plays KTPay's page and the bank's card form, then reports the outcome
// to the element the way KTPay's page would (a callback URL string, "close") or with the
// structured `ktpay:result` message. In the whole window (mode="redirect", or the page offered
// when the frame stays silent) it sends the buyer back to the shop's callback URL, as KTPay does.
// With `acquirer=halyk` it plays the acquirer's own page that `acquirer-options` names. Test only.
import { cardOutcome, secureCodeOutcome, type CardOutcome } from '../cards.js';
import type { SandboxTransaction } from '../handlers.js';
import { formatAmount } from '../../i18n/format-amount.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const hash = params.get('hash') ?? '';
/**
 * In the element's iframe, rather than in a window of its own. Same-origin (the sandbox beside the
 * demo or a test) the frame is known by its part; a merchant page that is itself framed (a test's)
 * is a whole window all the same.
 */
const framed = window.frameElement ? window.frameElement.matches('[part~="payment-frame"]') : window.parent !== window;
if (params.get('acquirer') === 'halyk') $('badge').textContent = 'SANDBOX · Halyk ePay · страница банка';
const api = new URL(`api/v1/merchant-widget/transactions/${encodeURIComponent(hash)}`, new URL('.', location.href));

/** The page that framed us; messages go only there. */
const parentOrigin = location.ancestorOrigins?.[0] ?? (document.referrer ? new URL(document.referrer).origin : location.origin);

function post(message: unknown): void {
  if (framed) window.parent.postMessage(message, parentOrigin);
}

$('cross').hidden = params.get('show_close_button') === 'false';
$('cross').addEventListener('click', () => post('close'));

function problem(text: string): void {
  $('problem').textContent = text;
  $('problem').hidden = false;
}

async function load(): Promise<SandboxTransaction | undefined> {
  try {
    const response = await fetch(api);
    if (response.ok) return (await response.json()) as SandboxTransaction;
  } catch {
    // fall through
  }
  problem('Транзакция не найдена (песочница не запущена на этой странице?) · Unknown transaction.');
  return undefined;
}

function callbackUrl(transaction: SandboxTransaction, outcome: CardOutcome): string | undefined {
  const { order } = transaction;
  if (outcome.status === 'completed') return order.callback_force_success_url ?? order.callback_success_url ?? order.callback_back_url;
  const target = order.callback_force_failed_url ?? order.callback_failed_url ?? order.callback_back_url;
  if (!target) return undefined;
  const url = new URL(target);
  url.searchParams.set('code', outcome.code);
  return url.href;
}

async function report(transaction: SandboxTransaction, outcome: CardOutcome): Promise<void> {
  $('card').hidden = true;
  $('secure').hidden = true;
  $('outcome').textContent =
    outcome.status === 'completed' ? 'Оплата прошла · Paid' : `Отказ, код ${outcome.code} · Declined, code ${outcome.code}`;
  await fetch(new URL('result', `${api.href}/`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(outcome),
  }).catch(() => {});

  if (!framed) {
    const url = callbackUrl(transaction, outcome);
    if (url) location.assign(url);
    return;
  }
  if ($<HTMLSelectElement>('protocol').value === 'published') {
    const url = callbackUrl(transaction, outcome);
    if (url) post(url);
    return;
  }
  post({
    type: 'ktpay:result',
    status: outcome.status,
    order_id: transaction.order.order_id,
    transaction_hash: transaction.transactionHash,
    error:
      outcome.status === 'completed'
        ? null
        : { error_type: outcome.errorType, code: outcome.code, error_message: outcome.message },
  });
}

/**
 * Not top-level await: WebKitGTK 2.50 spins forever on a page whose frame is removed while a
 * module's top-level await is pending (the buyer closing the modal while this page loads).
 */
async function main(): Promise<void> {
  const transaction = await load();
  // A sign of life, so the element does not offer the page in the whole window. KTPay's published
  // page sends none, so in that dialect the element makes the offer after a while, as it would there.
  if (transaction?.pageProtocol !== 'published') post({ type: 'ktpay:ready' });
  if (transaction) {
    const { order } = transaction;
    $('order').textContent = `№ ${order.order_id}`;
    $('amount').textContent = formatAmount(order.amount, 'ru');
    $('description').textContent = order.description ?? '';
    $<HTMLSelectElement>('protocol').value = transaction.pageProtocol;
    $('card').hidden = false;
    $<HTMLInputElement>('cc-number').focus();

    $('card').addEventListener('submit', (event) => {
      event.preventDefault();
      const outcome = cardOutcome({
        pan: $<HTMLInputElement>('cc-number').value,
        cvv: $<HTMLInputElement>('cc-csc').value,
        name: $<HTMLInputElement>('cc-name').value,
      });
      if (outcome.status !== 'completed') return void report(transaction, outcome);
      $('card').hidden = true;
      $('secure').hidden = false;
      $<HTMLInputElement>('password').focus();
    });
    $('secure').addEventListener('submit', (event) => {
      event.preventDefault();
      void report(transaction, secureCodeOutcome($<HTMLInputElement>('password').value));
    });
  }
}

void main();
