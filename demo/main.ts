// The demo shop: a cart (demo/cart.ts) whose total drives <ktpay-checkout>, the outcome told by the
// page from the element's events, and next to it what the shop's server learned from KTPay's
// callback (demo/merchant-backend.ts). The sandbox stands in for KTPay (MSW in a service worker).
import { setupWorker } from 'msw/browser';
import type { KtpayFailedDetail } from '../src/events.js';
import { createSandboxHandlers, SANDBOX_EPAY_SCRIPT_URL, SANDBOX_EPAY_TERMINAL } from '../src/sandbox/index.js';
import { amountAttribute, formatTenge, FREE_DELIVERY_FROM, initialCart, MAX_QTY, newInvoiceId, newOrderId, removeLine, setQty, totals, type CartLine, type Lang } from './cart.js';
import { askServer } from './ask-server.js';
import { CART_PATH, EPAY_AUTH_PATH, KTPAY_SEAL_PATH, ORDERS_PATH } from './shop-routes.js';
import { statusName, TEXTS } from './texts.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const checkout = document.querySelector('ktpay-checkout')!;
const langSelect = $<HTMLSelectElement>('lang');
const providerSelect = $<HTMLSelectElement>('provider');
const lines = $<HTMLUListElement>('lines');

type Outcome =
  | { kind: 'paid'; orderId: string; status: string }
  | ({ kind: 'failed' } & KtpayFailedDetail)
  | { kind: 'cancelled' }
  /** Closed after the payment page showed: the shop asks its server before offering to pay again. */
  | { kind: 'checking'; orderId: string }
  | { kind: 'notPaid' | 'unconfirmed' };

let lang = langSelect.value as Lang;
let cart = initialCart();
let outcome: Outcome | undefined;
/** While the modal is open the element is left alone: hiding it would hide its modal too. */
let modalOpen = false;

/** One row per line, kept across renders so focus and the quantity's live region survive. */
const rows = new Map<string, HTMLLIElement>();

function lineRow(line: CartLine): HTMLLIElement {
  const row = document.createElement('li');
  row.className = 'line';
  row.dataset.id = line.id;
  // A static template: every text goes in through textContent below.
  row.innerHTML = `<span class="cover" aria-hidden="true"></span>
    <div class="info"><h2 class="title"></h2><p class="author"></p><p class="each"></p></div>
    <div class="stepper" role="group"><button type="button" class="step" data-step="-1">−</button><output></output><button type="button" class="step" data-step="1">+</button></div>
    <p class="line-total"></p>
    <button type="button" class="remove"></button>`;
  const cover = row.querySelector<HTMLElement>('.cover')!;
  cover.textContent = line.title;
  cover.style.setProperty('--cover', line.cover);
  return row;
}

function fillRow(row: HTMLLIElement, line: CartLine): void {
  const t = TEXTS[lang];
  const [minus, plus] = row.querySelectorAll<HTMLButtonElement>('.step');
  const output = row.querySelector('output')!;
  row.querySelector('.title')!.textContent = line.title;
  row.querySelector('.author')!.textContent = line.author;
  row.querySelector('.each')!.textContent = t.each(formatTenge(line.price, lang));
  row.querySelector('.stepper')!.setAttribute('aria-label', t.quantity(line.title));
  minus!.setAttribute('aria-label', t.decrease(line.title));
  plus!.setAttribute('aria-label', t.increase(line.title));
  // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
  minus!.setAttribute('aria-disabled', String(line.qty <= 1));
  plus!.setAttribute('aria-disabled', String(line.qty >= MAX_QTY));
  if (output.textContent !== String(line.qty)) output.textContent = String(line.qty); // announced only on change
  row.querySelector('.line-total')!.textContent = formatTenge(line.price * line.qty, lang);
  const remove = row.querySelector('.remove')!;
  remove.textContent = t.remove;
  remove.setAttribute('aria-label', t.removeLabel(line.title));
}

function render(): void {
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    node.textContent = t[node.dataset.text as 'cart'];
  }
  for (const [id, row] of rows) if (!cart.some((line) => line.id === id)) (row.remove(), rows.delete(id));
  for (const line of cart) {
    if (!rows.has(line.id)) rows.set(line.id, lines.appendChild(lineRow(line)));
    fillRow(rows.get(line.id)!, line);
  }
  const sums = totals(cart);
  $('empty').hidden = sums.books > 0;
  $('sums').hidden = $('free-from').hidden = sums.books === 0; // nothing to sum up
  $('books').textContent = t.books(sums.books);
  $('subtotal').textContent = formatTenge(sums.subtotal, lang);
  $('delivery').textContent = sums.delivery || !sums.books ? formatTenge(sums.delivery, lang) : t.free;
  $('total').textContent = formatTenge(sums.total, lang);
  $('free-from').textContent = t.freeFrom(formatTenge(FREE_DELIVERY_FROM, lang));
  if (!modalOpen) {
    // An empty cart has nothing to pay: the button goes (the `hidden` attribute; the element honours
    // it). So does it while the server is asked whether the last attempt paid: no second charge.
    checkout.hidden = sums.books === 0 || outcome?.kind === 'checking';
    checkout.setAttribute('lang', lang);
    if (sums.total > 0) {
      checkout.setAttribute('amount', amountAttribute(sums.total));
      void tellServerTheCart();
      checkout.textContent = t.pay(formatTenge(sums.total, lang)); // the slotted label
    }
  }
  // Nothing in the cart and nothing to tell: no summary at all.
  document.querySelector<HTMLElement>('.summary')!.hidden = sums.books === 0 && !outcome;
  renderOutcome();
}

/** What the outcome regions show now: redrawn only when it changes, or live regions would repeat it. */
let drawn: [Outcome | undefined, Lang] | undefined;

/** The outcome panel, rebuilt from state so it follows the language too. */
function renderOutcome(): void {
  if (drawn && drawn[0] === outcome && drawn[1] === lang) return;
  drawn = [outcome, lang];
  const t = TEXTS[lang];
  const panel = (className: string, title: string, ...texts: string[]) => {
    const box = document.createElement('div');
    box.className = `panel ${className}`;
    const heading = document.createElement('p');
    heading.className = 'panel-title';
    heading.textContent = title;
    box.append(heading, ...texts.filter(Boolean).map((text) => Object.assign(document.createElement('p'), { textContent: text })));
    return box;
  };
  const status = $('status');
  const alert = $('alert');
  if (outcome?.kind === 'paid') status.replaceChildren(panel('success', t.paid(outcome.orderId), t.status(statusName(outcome.status, lang)), t.waiting));
  else if (outcome?.kind === 'cancelled') status.replaceChildren(panel('note', t.cancelled));
  else if (outcome?.kind === 'checking') status.replaceChildren(panel('note', t.checking(outcome.orderId)));
  else if (outcome?.kind === 'notPaid' || outcome?.kind === 'unconfirmed') status.replaceChildren(panel('note', t[outcome.kind]));
  else status.replaceChildren();
  // The element's message is already in its language; it goes in as text, never as markup.
  if (outcome?.kind === 'failed') {
    alert.replaceChildren(panel('error', t.failed, outcome.message, outcome.hint ?? '', t.failedWhere(t.sources[outcome.source], String(outcome.code ?? '')), t.kept));
  } else alert.replaceChildren();
}

lines.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button');
  const id = button?.closest<HTMLElement>('.line')?.dataset.id;
  if (!button || !id || button.getAttribute('aria-disabled') === 'true') return;
  if (button.classList.contains('remove')) {
    cart = removeLine(cart, id);
    $('cart-title').focus(); // its row is gone: focus goes somewhere meaningful, not to <body>
  } else {
    cart = setQty(cart, id, cart.find((line) => line.id === id)!.qty + Number(button.dataset.step));
  }
  if (outcome?.kind !== 'paid') outcome = undefined; // a changed cart is a new story
  render();
});
$('refill').addEventListener('click', () => {
  cart = initialCart();
  outcome = undefined;
  render();
  $('cart-title').focus(); // the button that was pressed is gone
});
langSelect.addEventListener('change', () => {
  lang = langSelect.value as Lang;
  render();
});

/**
 * The shop's server prices the order itself (its `seal-url` and `auth-url` refuse another amount):
 * the page tells it what is in the cart, the quantities only, and shows the amount it answers.
 * `data-priced-by="server"` on the total says the server has priced this very cart and order.
 */
async function tellServerTheCart(): Promise<void> {
  const total = $('total');
  const quantities = cart.map(({ id, qty }) => ({ id, qty }));
  const orderId = checkout.getAttribute('order-id')!;
  const asked = JSON.stringify([orderId, quantities]);
  if (total.dataset.asked === asked && total.dataset.pricedBy === 'server') return; // asked and answered
  total.dataset.asked = asked;
  delete total.dataset.pricedBy;
  const response = await fetch(`${CART_PATH}${encodeURIComponent(orderId)}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(quantities),
  }).catch(() => undefined);
  if (total.dataset.asked !== asked) return; // the cart or the order changed meanwhile
  if (!response?.ok) return log('the shop server did not price the cart (is this `npm run demo`?)');
  const { amount } = (await response.json()) as { amount: number };
  const tiyn = Math.round(amount * 100);
  total.textContent = formatTenge(tiyn, lang);
  total.dataset.pricedBy = 'server';
  if (!modalOpen) checkout.setAttribute('amount', amountAttribute(tiyn));
}

/** A fresh order number for every attempt (a provider pays an order once), in the provider's format. */
const newOrder = () => (providerSelect.value === 'epay' ? newInvoiceId() : newOrderId());

/**
 * KTPay or Halyk ePay: the same element, other attributes. Either way the shop's server decides
 * the amount (KTPay's seal-url, ePay's auth-url) and where the result goes: each provider's result
 * reaches it at its own endpoint (KTPay's callback, ePay's postLink), which the page never names.
 */
function useProvider(): void {
  const epay = providerSelect.value === 'epay';
  checkout.setAttribute('provider', epay ? 'epay' : 'ktpay');
  const attributes = epay
    ? { terminal: SANDBOX_EPAY_TERMINAL, 'auth-url': EPAY_AUTH_PATH, 'epay-script-url': SANDBOX_EPAY_SCRIPT_URL }
    : { 'seal-url': KTPAY_SEAL_PATH };
  for (const name of ['terminal', 'auth-url', 'epay-script-url', 'seal-url']) checkout.removeAttribute(name);
  for (const [name, value] of Object.entries(attributes)) checkout.setAttribute(name, value);
  checkout.setAttribute('order-id', newOrder());
}
providerSelect.addEventListener('change', () => {
  if (modalOpen) return;
  useProvider();
  render();
});

useProvider();
render();

// ---- Behind the counter: the sandbox, what the page heard, and what the server confirmed.

const events = $('events');
const orders = $('orders');

function log(text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  events.prepend(item);
}

/** A row per order: what the browser said, then what the server confirmed. */
function orderRow(orderId: string, browserSaid: string, result: 'paid' | 'failed' | 'unknown'): HTMLTableCellElement {
  const row = document.createElement('tr');
  const cells: [string, string][] = [[orderId, ''], [browserSaid, result], ['waiting for the callback…', '']];
  for (const [text, className] of cells) {
    const cell = document.createElement('td');
    cell.textContent = text;
    if (className) cell.className = className;
    row.append(cell);
  }
  orders.prepend(row);
  return row.lastElementChild as HTMLTableCellElement;
}

/** Asks the shop's server until KTPay's callback has reached it (the sandbox retries for ~2 min). */
async function showServerView(orderId: string, cell: HTMLTableCellElement): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const response = await fetch(`${ORDERS_PATH}${encodeURIComponent(orderId)}`).catch(() => undefined);
    if (response?.ok) {
      const order = (await response.json()) as { outcome: string; status: string; amount: number; transactionHash: string };
      cell.textContent = `${order.outcome}: ${order.status}, ${formatTenge(Math.round(order.amount * 100), lang)}, ${order.transactionHash.slice(0, 12)}…`;
      cell.className = order.outcome;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  cell.textContent = 'no callback arrived';
}

// No callback-success-url / callback-failed-url is set, so the element has nowhere to send the
// buyer and the page stays: no preventDefault() needed on ktpay:success or ktpay:failed.
checkout.addEventListener('ktpay:open', (e) => {
  modalOpen = true;
  outcome = undefined;
  renderOutcome();
  log(`ktpay:open · order ${e.detail.orderId}`);
});
/** Orders KTPay created a transaction for: only those get a callback. */
const created = new Set<string>();
checkout.addEventListener('ktpay:created', (e) => {
  created.add(e.detail.orderId);
  log(`ktpay:created · ${e.detail.transactionHash ?? e.detail.paymentUrl}`);
});
checkout.addEventListener('ktpay:success', (e) => {
  log(`ktpay:success · ${e.detail.status} · ${e.detail.transactionHash ?? ''}`);
  void showServerView(e.detail.orderId, orderRow(e.detail.orderId, `success: ${e.detail.status}`, 'paid'));
  outcome = { kind: 'paid', orderId: e.detail.orderId, status: e.detail.status };
  cart = [];
  render();
});
checkout.addEventListener('ktpay:failed', (e) => {
  log(`ktpay:failed · ${e.detail.source} ${e.detail.code ?? ''} · ${e.detail.message}`);
  // Only a transaction KTPay created ends in a callback (with ePay: a decline on Halyk's form ends
  // in a postLink); a refusal before that never left the page.
  if (created.has(e.detail.orderId) || (providerSelect.value === 'epay' && e.detail.source === 'acquirer')) {
    void showServerView(e.detail.orderId, orderRow(e.detail.orderId, `failed: ${e.detail.code ?? e.detail.source}`, 'failed'));
  }
  outcome = { kind: 'failed', ...e.detail };
  renderOutcome();
});
checkout.addEventListener('ktpay:close', (e) => {
  log(`ktpay:close · ${e.detail.reason}${e.detail.paymentStarted ? ' · after the payment page showed' : ''}`);
  modalOpen = false;
  const orderId = checkout.getAttribute('order-id')!;
  checkout.setAttribute('order-id', newOrder()); // the next attempt is a new order
  if (e.detail.reason === 'cancel' && e.detail.paymentStarted) void confirmBeforePayingAgain(orderId);
  else if (e.detail.reason === 'cancel') outcome = { kind: 'cancelled' };
  render();
});

/** The buyer may have paid before closing: the server (KTPay's callback) says, not the browser. */
async function confirmBeforePayingAgain(orderId: string): Promise<void> {
  const checking: Outcome = { kind: 'checking', orderId };
  outcome = checking;
  void showServerView(orderId, orderRow(orderId, 'closed: outcome unknown', 'unknown'));
  const verdict = await askServer(orderId);
  if (outcome !== checking) return; // the buyer moved on
  if (verdict.outcome === 'paid') {
    outcome = { kind: 'paid', orderId, status: verdict.status };
    cart = [];
  } else outcome = { kind: verdict.outcome === 'failed' ? 'notPaid' : 'unconfirmed' };
  render();
}

await setupWorker(
  ...createSandboxHandlers({
    // Halyk's side runs on the demo's server (demo/epay-backend.ts), which confirms each postLink with it.
    epay: false,
    onCallback: ({ attempt, httpStatus, acknowledged }) =>
      log(`sandbox → server callback, attempt ${attempt}: HTTP ${httpStatus || 'none'}${acknowledged ? ', acknowledged' : ''}`),
  }),
).start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  quiet: true,
  onUnhandledRequest: 'bypass',
});
// The element only once the sandbox answers, so its first request cannot miss it.
await import('../src/ktpay-checkout.js');
