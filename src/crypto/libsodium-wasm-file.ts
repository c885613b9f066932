import { sealsOnPage, type SealerInput } from '../core/page-sealing.js';

/**
 * libsodium's WebAssembly as a file beside the sealing worker, its name given by the build that
 * ships it so (the script-tag build: tools/libsodium-wasm-file.ts); `undefined` where it stays
 * inside the worker's script (the package's build, the tests' bundles). Tested here, beside it,
 * so that a build without the file folds what follows away (across modules it would not).
 */
export const libsodiumWasmFile: string | undefined = undefined;

/** The file's bytes fetched on the buyer's first sign of intent; null once a worker took them. */
let early: Promise<ArrayBuffer | undefined> | null | undefined;

/** The file beside `base`: its bytes, or undefined if they did not come (the worker then fetches it). */
function fetchFile(file: string, base: string): Promise<ArrayBuffer | undefined> {
  return fetch(new URL(file, base))
    .then((response) => (response.ok ? response.arrayBuffer() : undefined))
    .catch(() => undefined);
}

/**
 * The buyer's first sign of intent, where the page seals the order: the file starts downloading now, beside
 * the chunk that starts the sealing worker rather than once it has come (a round trip on a phone's
 * link, which the largest download of a first tap would otherwise wait out). Once per page. The
 * file is beside the script this module is bundled into (the script tag's entry), so its URL is
 * read here: a build without the file then keeps nothing of the call but the call.
 */
export function fetchLibsodiumWasmEarly(input: SealerInput): void {
  if (libsodiumWasmFile && early === undefined && sealsOnPage(input)) early = fetchFile(libsodiumWasmFile, import.meta.url);
}

/** The bytes for a worker starting now: those fetched early (once: they are transferred to it), else fetched now. */
export function libsodiumWasmFor(file: string, base: string): Promise<ArrayBuffer | undefined> {
  const taken = early;
  early = null;
  return taken ?? fetchFile(file, base);
}
