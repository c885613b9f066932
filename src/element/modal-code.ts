import type { SealerInput } from '../core/page-sealing.js';
import { fetchLibsodiumWasmEarly } from '../crypto/libsodium-wasm-file.js';

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

/**
 * The sealing worker, started on the buyer's first sign of intent from a chunk of its own fetched
 * beside the modal's (core/script-starts.ts): libsodium's download, the longest part of a first
 * tap, does not wait for the modal's code. A chunk that did not come starts nothing; the sealer
 * asks for it again.
 */
export function startSealerEarly(input: SealerInput): void {
  // The script-tag build's WebAssembly file: its download need not wait for that chunk.
  fetchLibsodiumWasmEarly(input);
  import('../core/script-starts.js').then((scripts) => scripts.startSealingWorkerEarly(input), () => {});
}
