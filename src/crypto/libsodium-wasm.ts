// In the sealing worker of the script-tag build, libsodium's WebAssembly is a file of its own
// (tools/libsodium-wasm-file.ts): libsodium's module starts through `startWithWasm`, with bytes the
// page fetched while the worker's script downloaded, or, if the page could not, fetched here.

type Imports = WebAssembly.Imports;
type Receive = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;
/** libsodium's (Emscripten's) module factory, and the hook it calls instead of decoding its own copy. */
type Factory<T> = (moduleArg: object & { instantiateWasm?: (imports: Imports, receive: Receive) => object }) => Promise<T>;

let giveBytes: (bytes: ArrayBuffer | undefined) => void;
const fromPage = new Promise<ArrayBuffer | undefined>((resolve) => (giveBytes = resolve));

/** The page's copy of the file, or `undefined` if its fetch failed (a CSP's `connect-src`, offline). */
export function takeWasmFromPage(bytes: ArrayBuffer | undefined): void {
  giveBytes(bytes);
}

async function wasmBytes(file: string): Promise<ArrayBuffer> {
  const given = await fromPage;
  if (given) return given;
  const response = await fetch(new URL(file, location.href));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * libsodium's factory, given the WebAssembly to instantiate. Emscripten's hook has no way to say
 * it failed: a failure rejects the start here instead, and the worker answers `failed` at once.
 */
export function startWithWasm<T>(factory: Factory<T>, moduleArg: object, file: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    factory({
      ...moduleArg,
      instantiateWasm(imports, receive) {
        wasmBytes(file)
          .then((bytes) => WebAssembly.instantiate(bytes, imports))
          .then(({ instance, module }) => receive(instance, module), reject);
        return {};
      },
    }).then(resolve, reject);
  });
}
