/**
 * libsodium's WebAssembly as a file beside the sealing worker, its name given by the build that
 * ships it so (the script-tag build: tools/libsodium-wasm-file.ts); `undefined` where it stays
 * inside the worker's script (the package's build, the tests' bundles).
 */
export const libsodiumWasmFile: string | undefined = undefined;
