// The shop's cart as plain data and pure functions: no DOM, no side effects, so
// test/demo.test.ts can import it. Money is counted in tiyn (1/100 tenge) so sums stay exact.

import { formatAmount } from '../src/i18n/format-amount.js';
import type { Lang } from '../src/i18n/messages.js';

export type { Lang };

export interface CartLine {
  id: string;
  author: string;
  title: string;
  /** Price of one copy, in tiyn. */
  price: number;
  qty: number;
  /** The cover's colour: the demo has no pictures. */
  cover: string;
}

export const MAX_QTY = 10;
/** Delivery in Almaty, free from FREE_DELIVERY_FROM (both in tiyn). */
export const DELIVERY = 1_100_50;
export const FREE_DELIVERY_FROM = 25_000_00;

/** What the shop offers on first load (total 13 500,50 ₸). */
export function initialCart(): CartLine[] {
  return [
    { id: 'kara-soz', author: 'Абай Құнанбайұлы', title: 'Қара сөздер', price: 3_200_00, qty: 1, cover: '#8a3b2e' },
    { id: 'abai-joly', author: 'Мұхтар Әуезов', title: 'Абай жолы. 1-том', price: 5_600_00, qty: 1, cover: '#1d4e6e' },
    { id: 'koshpendiler', author: 'Ілияс Есенберлин', title: 'Көшпенділер', price: 3_600_00, qty: 1, cover: '#b7862c' },
  ];
}

/** Sets a line's quantity, kept within 1…MAX_QTY (removing is its own action). */
export function setQty(cart: readonly CartLine[], id: string, qty: number): CartLine[] {
  return cart.map((line) => (line.id === id ? { ...line, qty: Math.min(MAX_QTY, Math.max(1, Math.round(qty))) } : line));
}

export function removeLine(cart: readonly CartLine[], id: string): CartLine[] {
  return cart.filter((line) => line.id !== id);
}

export interface Totals {
  books: number;
  subtotal: number;
  delivery: number;
  total: number;
}

export function totals(cart: readonly CartLine[]): Totals {
  const books = cart.reduce((sum, line) => sum + line.qty, 0);
  const subtotal = cart.reduce((sum, line) => sum + line.price * line.qty, 0);
  const delivery = books === 0 || subtotal >= FREE_DELIVERY_FROM ? 0 : DELIVERY;
  return { books, subtotal, delivery, total: subtotal + delivery };
}

/** `13 500,50 ₸` (ru, kk), `₸13,500.50` (en); whole tenge without decimals: the element's format. */
export function formatTenge(tiyn: number, lang: Lang): string {
  return formatAmount(tiyn / 100, lang);
}

/** The element's `amount`: tenge with a dot and two decimals, as KTPay takes it. */
export function amountAttribute(tiyn: number): string {
  return `${Math.floor(tiyn / 100)}.${String(tiyn % 100).padStart(2, '0')}`;
}

/** ePay's invoiceId for a new attempt: digits only, 6 to 15 of them (seed 003). */
export function newInvoiceId(now: number = Date.now()): string {
  return String(now).slice(-12);
}

/**
 * The cart as the shop's server prices it: the quantities the page sent, at the server's own
 * prices (the catalogue below), never at prices a browser names.
 */
export function priceOnServer(quantities: readonly { id: string; qty: number }[]): Totals | undefined {
  const catalogue = new Map(initialCart().map((line) => [line.id, line]));
  const lines: CartLine[] = [];
  for (const { id, qty } of quantities) {
    const line = catalogue.get(id);
    if (!line || !Number.isInteger(qty) || qty < 1 || qty > MAX_QTY) return undefined;
    lines.push({ ...line, qty });
  }
  return totals(lines);
}

/** A new order number per payment attempt: KTPay refuses to pay one order twice. */
export function newOrderId(now: number = Date.now()): string {
  return `T-${now.toString(36).toUpperCase()}`;
}
