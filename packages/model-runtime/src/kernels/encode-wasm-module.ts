import { pushUleb, type WasmFunctionBody } from './wasm-function-body.js';

/** What {@link encodeWasmModule} assembles. */
export interface WasmModuleParts {
  /** The one function, exported as `run`; all its parameters are i32 and it returns nothing. */
  run: WasmFunctionBody;
  /** Initial size of the module's own memory, exported as `memory`, in 64 KiB pages. */
  pages: number;
}

/**
 * A WebAssembly module in the binary format holding one memory and one function, both exported: the type,
 * function, memory, export and code sections (core spec § 5.5), in that order.
 */
export function encodeWasmModule(parts: WasmModuleParts): Uint8Array {
  const { run, pages } = parts;
  if (run.params.some((type) => type !== 'i32')) throw new RangeError('run takes only i32 parameters');
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const params = run.params.map(() => 0x7f);
  section(out, 1, [1, 0x60, ...uleb(params.length), ...params, 0]);
  section(out, 3, [1, 0]);
  section(out, 5, [1, 0x00, ...uleb(pages)]);
  section(out, 7, [2, ...name('run'), 0x00, 0, ...name('memory'), 0x02, 0]);
  const body = run.encode();
  section(out, 10, [1, ...uleb(body.length), ...body]);
  return Uint8Array.from(out);
}

function section(out: number[], id: number, content: number[]): void {
  out.push(id);
  pushUleb(out, content.length);
  for (const byte of content) out.push(byte);
}

function uleb(value: number): number[] {
  const out: number[] = [];
  pushUleb(out, value);
  return out;
}

function name(text: string): number[] {
  const bytes = [...Buffer.from(text, 'utf8')];
  return [...uleb(bytes.length), ...bytes];
}
