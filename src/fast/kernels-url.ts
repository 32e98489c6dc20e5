import { DigitlabError } from '../errors.js';
import { compileKernels } from './kernels.js';

/**
 * Where the compiled kernels (`build/kernels.wasm`) are, found relative to this module: the
 * same path holds in the repository (`src/fast/`) and in the installed package (`lib/fast/`).
 * Written as `new URL('…', import.meta.url)` so that bundlers (Vite, webpack 5, Parcel, esbuild
 * with a plugin) see the file and copy it next to the bundle.
 */
export function kernelsUrl(): URL {
  return new URL('../../build/kernels.wasm', import.meta.url);
}

/**
 * Fetches and compiles the kernels in a browser or a Web Worker: `createFastBackend(await
 * fetchKernels())`. Node's `fetch` cannot read `file:` URLs: in Node use `loadKernelsModule`
 * from `digitlab/node`.
 */
export async function fetchKernels(url: URL | string = kernelsUrl()): Promise<WebAssembly.Module> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new DigitlabError(`${String(url)}: cannot fetch the WebAssembly kernels (${(e as Error).message})`);
  }
  if (!response.ok) throw new DigitlabError(`${String(url)}: HTTP ${response.status} while fetching the WebAssembly kernels`);
  return compileKernels(await response.arrayBuffer());
}
