type ModalModule = typeof import('./modal/checkout-modal.js');

let modalCode: Promise<ModalModule> | undefined;

/**
 * The modal and the payment flow: one chunk, fetched once per page for every element, on the
 * buyer's first sign of intent (or at Pay). A failed fetch (offline, blocked) is forgotten, so the
 * next sign of intent or Pay asks again.
 */
export function loadModalCode(): Promise<ModalModule> {
  modalCode ??= import('./modal/checkout-modal.js');
  modalCode.catch(() => (modalCode = undefined));
  return modalCode;
}
