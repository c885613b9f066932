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

/** libsodium's chunk: the one place it is imported, so the prefetch and the loader share it. */
export const importLibsodium = () => import('libsodium-wrappers');

let prefetched = false;

/**
 * Starts fetching and compiling libsodium at the buyer's first sign of intent, alongside the
 * modal's code rather than after it. Only where WebAssembly may run; any error waits for Pay,
 * which loads it again through `loadSodium` and reports it.
 */
export function prefetchLibsodium(): void {
  if (prefetched) return;
  prefetched = true;
  try {
    instantiateEmptyWasm();
  } catch {
    return;
  }
  importLibsodium().catch(() => {});
}
