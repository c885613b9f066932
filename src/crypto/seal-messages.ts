/**
 * The page asks the sealing worker to seal `json` to `key`; without them, to answer once
 * libsodium has started (a readiness check). `id` pairs the answer with the ask.
 */
export interface SealRequest {
  id: number;
  json?: string;
  key?: Uint8Array;
}

/** `ready` (for a readiness check) or `sealed` once libsodium has started; `failed` if it cannot. */
export type SealReply = { id: number; type: 'ready' } | { id: number; type: 'sealed'; sealed: string } | { id: number; type: 'failed' };

/**
 * libsodium's WebAssembly, fetched by the page while the worker's script downloaded, where the build
 * ships it as a file (crypto/libsodium-wasm-file.ts); `undefined` if the page's fetch failed.
 */
export interface WasmGift {
  wasm: ArrayBuffer | undefined;
}
