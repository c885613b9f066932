/**
 * Orders paid from this page, so opening one again is refused instead of charging twice. Shared by
 * every element on the page (two buttons for one order must not both take the money), and kept
 * for the page's life: a new order needs a new `order-id`.
 */
const paid = new Set<string>();

const key = (appId: string, orderId: string) => `${appId}\u0000${orderId}`;

export function markPaid(appId: string, orderId: string): void {
  paid.add(key(appId, orderId));
}

export function isPaid(appId: string, orderId: string): boolean {
  return paid.has(key(appId, orderId));
}
