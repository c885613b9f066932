// The server's half, made once: each route exports a handler's .fetch. What onResult receives is
// kept in this process for the test to read (api/results).
import { createCallbackHandler, createEpayPostLinkHandler } from 'ktpay-checkout/server';

const results = ((globalThis as { shopResults?: unknown[] }).shopResults ??= []);
export const readResults = () => results;

export const ktpayCallback = createCallbackHandler({
  callbackSecret: process.env.KTPAY_CALLBACK_SECRET!,
  onResult: (callback) => void results.push({ from: 'ktpay', orderId: callback.order_id, status: callback.status.status }),
});

export const epayPostLink = createEpayPostLinkHandler({
  secretHash: () => process.env.EPAY_SECRET_HASH,
  confirm: false,
  onResult: (postLink) => void results.push({ from: 'epay', invoiceId: postLink.invoiceId, code: postLink.code }),
});
