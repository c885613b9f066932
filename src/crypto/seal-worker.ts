// The sealing worker: libsodium is downloaded, parsed and compiled here, off the page's main
// thread (on a phone that is hundreds of milliseconds the buyer's taps and scrolls would wait
// for). Each ask waits for libsodium to start, then gets its seal: a few hundred bytes each way.
//
// Imported dynamically, not statically: a failed load is then an answer (`failed`, and the page
// seals on its main thread) rather than a worker that never starts; and a service worker that
// asks about its client before answering (Firefox holds that question until a module worker's
// static imports are in) cannot hold the worker up.
import type { SealReply, SealRequest, WasmGift } from './seal-messages.js';

// The worker's global scope, in the DOM's types the rest of the project is written in.
const scope = self as unknown as {
  postMessage(reply: SealReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SealRequest | WasmGift>) => void): void;
};

const started = Promise.all([import('libsodium-wrappers'), import('./seal-with.js')]).then(async ([{ default: sodium }, { sealWith }]) => {
  await sodium.ready;
  const seal = (json: string, key: Uint8Array) => sealWith(sodium, json, key);
  // One seal thrown away: the buyer's then runs code already compiled (on a phone, milliseconds).
  seal('{}', sodium.crypto_box_keypair().publicKey);
  return seal;
});

scope.addEventListener('message', ({ data }) => {
  if ('wasm' in data) {
    void import('./libsodium-wasm.js').then(({ takeWasmFromPage }) => takeWasmFromPage(data.wasm));
    return;
  }
  const { id, json, key } = data;
  started
    .then((seal): SealReply => (json === undefined || !key ? { id, type: 'ready' } : { id, type: 'sealed', sealed: seal(json, key) }))
    .catch((): SealReply => ({ id, type: 'failed' }))
    .then((reply) => scope.postMessage(reply));
});
