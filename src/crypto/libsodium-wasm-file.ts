import { sealsOnPage, type SealerInput } from '../core/page-sealing.js';

/**
 * libsodium's WebAssembly as a file beside the sealing worker, its name given by the build that
 * ships it so (the script-tag build: tools/libsodium-wasm-file.ts); `undefined` where it stays
 * inside the worker's script (the package's build, the tests' bundles).
 */
export const libsodiumWasmFile: string | undefined = undefined;

/** The file's bytes fetched on the buyer's first sign of intent; null once a worker took them. */
let early: Promise<ArrayBuffer | undefined> | null | undefined;

/** Fetches the file beside `base`; its bytes, or undefined if it did not come. Nothing without a file. */
export function fetchLibsodiumWasm(base: string): Promise<ArrayBuffer | undefined> | undefined {
  if (!libsodiumWasmFile) return undefined;
  return fetch(new URL(libsodiumWasmFile, base))
    .then((response) => (response.ok ? response.arrayBuffer() : undefined))
    .catch(() => undefined);
}

/**
 * The buyer's first sign of intent: the file starts downloading now, beside the chunk that starts
 * the sealing worker rather than once it has come (a round trip on a phone's link, which the
 * largest download of a first tap would otherwise wait out), where the page seals the order. Once
 * per page, until a worker takes it.
 */
export function fetchLibsodiumWasmEarly(input: SealerInput, base: string): void {
  if (libsodiumWasmFile && early === undefined && sealsOnPage(input)) early = fetchLibsodiumWasm(base) ?? null;
}

/** The bytes fetched early, for the worker that starts now (they are transferred to it, so once). */
export function takeEarlyLibsodiumWasm(): Promise<ArrayBuffer | undefined> | undefined {
  const taken = early ?? undefined;
  early = null;
  return taken;
}
