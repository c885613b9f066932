import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** libsodium's ES module: its WebAssembly inside, as one base64 string. */
const LIBSODIUM = join(dirname(createRequire(import.meta.url).resolve('libsodium')), '../modules-esm/libsodium.mjs');
/** The worker's side: instantiates the file's bytes (from the page, or fetched itself). */
const STARTER = resolve('src/crypto/libsodium-wasm.ts');
/** The page's side: where the sealing worker's start reads the file's name. */
const FILE_NAME = resolve('src/crypto/libsodium-wasm-file.ts');

interface Extracted {
  /** What libsodium's module holds besides its WebAssembly. */
  code: string;
  bytes: Uint8Array;
  fileName: string;
}

let extracted: Extracted | undefined;

/** libsodium's module split in two, once per build; an error if its shape is not the one this reads. */
function extract(): Extracted {
  if (extracted) return extracted;
  const source = readFileSync(LIBSODIUM, 'utf8');
  const strings = [...source.matchAll(/"(AGFzbQ[A-Za-z0-9+/]+={0,2})"/g)];
  const ending = /export default (\w+);\s*$/.exec(source);
  if (strings.length !== 1 || !ending || !source.includes('instantiateWasm(')) {
    throw new Error(`${LIBSODIUM}: not one base64 WebAssembly string, one default export and an instantiateWasm hook; update tools/libsodium-wasm-file.ts`);
  }
  const [whole, base64] = strings[0]! as unknown as [string, string];
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  const fileName = `libsodium-${createHash('sha256').update(bytes).digest('base64url').slice(0, 8)}.wasm`;
  // The string goes; its decoder is never called, as the factory is given `instantiateWasm`.
  const code = `${source.slice(0, strings[0]!.index)}""${source.slice(strings[0]!.index + whole.length, ending.index)}const factory = ${ending[1]};
import { startWithWasm } from ${JSON.stringify(STARTER)};
export default (moduleArg) => startWithWasm(factory, moduleArg, ${JSON.stringify(fileName)});
`;
  return (extracted = { code, bytes, fileName });
}

/**
 * The script-tag build's libsodium WebAssembly as a file of its own beside the sealing worker,
 * instead of a base64 string inside the worker's script: 82 kB of brotli instead of 107 kB, and
 * the page fetches it while the worker's script downloads (core/script-starts.ts), rather than
 * after, so a first tap's request waits for the larger of the two downloads, not their sum.
 *
 * Two plugins: `worker` for the worker's build (libsodium's module loses its string and starts
 * through crypto/libsodium-wasm.ts; the file is emitted), `page` for the page's build (the file's
 * name, in crypto/libsodium-wasm-file.ts). The package's build keeps libsodium whole: a merchant's
 * bundler (Angular CLI's among them) would have one more file to copy.
 */
export function libsodiumWasmFile(): { worker: Plugin; page: Plugin } {
  return {
    worker: {
      name: 'ktpay-libsodium-wasm-file:worker',
      enforce: 'pre',
      load(id) {
        if (resolve(id) !== LIBSODIUM) return null;
        const { code, bytes, fileName } = extract();
        this.emitFile({ type: 'asset', fileName, source: bytes });
        return code;
      },
    },
    page: {
      name: 'ktpay-libsodium-wasm-file:page',
      transform(code, id) {
        if (resolve(id) !== FILE_NAME) return null;
        const named = code.replace(/(\bconst libsodiumWasmFile\b[^=]*= )undefined;/, `$1${JSON.stringify(extract().fileName)};`);
        if (named === code) this.error(`${FILE_NAME} no longer reads "const libsodiumWasmFile … = undefined;": update tools/libsodium-wasm-file.ts`);
        return { code: named, map: null };
      },
    },
  };
}
