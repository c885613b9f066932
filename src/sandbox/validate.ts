import { parseHttpUrl } from '../params/url.js';
import { isObject } from '../util/is-object.js';

/** KTPay-like checks of an opened request: field path → messages, as KTPay's `validation` object. */
export function validateKtpayRequest(request: unknown): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);

  if (!isObject(request) || !isObject(request.order)) {
    add('order', 'The order field is required.');
    return problems;
  }
  const { order } = request;
  if (typeof order.order_id !== 'string' || order.order_id.trim() === '') add('order.order_id', 'The order id field is required.');
  const amount = order.amount;
  if (typeof amount !== 'number' || !(amount > 0) || Math.round(amount * 100) !== amount * 100) {
    add('order.amount', 'The amount must be a number greater than 0 with at most 2 decimals.');
  }
  if (order.type !== 'ecom' && order.type !== 'service') add('order.type', 'The selected type is invalid.');
  if (order.type === 'service') {
    const service = isObject(order.service) ? order.service : {};
    if (!Number.isInteger(Number(service.service_id))) add('order.service.service_id', 'The service id field is required.');
    if (typeof service.contract_value !== 'string' || service.contract_value === '') {
      add('order.service.contract_value', 'The contract value field is required.');
    }
  }
  for (const [field, value] of Object.entries(order)) {
    if (!field.startsWith('callback_')) continue;
    if (!parseHttpUrl(value)) add(`order.${field}`, 'The URL format is invalid.');
  }
  if ('show_close_button' in order && typeof order.show_close_button !== 'boolean') {
    add('order.show_close_button', 'The show close button field must be true or false.');
  }
  return problems;
}
