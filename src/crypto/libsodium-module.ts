/** The smallest valid WebAssembly module: magic number and version. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * libsodium-wrappers is WebAssembly only. Instantiating an empty module answers in microseconds
 * whether the page's CSP allows WebAssembly (it throws if not), instead of downloading ~150 kB to
 * find out. Instantiating, not only compiling: WebKit compiles under such a CSP and refuses only
 * to instantiate; Chromium and Firefox refuse both.
 */
export function instantiateEmptyWasm(): void {
  new WebAssembly.Instance(new WebAssembly.Module(EMPTY_WASM_MODULE));
}

/** libsodium's chunk on the main thread, where no sealing worker can start. */
export const importLibsodium = () => import('libsodium-wrappers');
