/** The value types a generated function's parameters and locals use. */
export type WasmValueType = 'i32' | 'v128';

const VALUE_TYPE: Record<WasmValueType, number> = { i32: 0x7f, v128: 0x7b };
const SIMD = 0xfd;

/**
 * Builds one WebAssembly function body, instruction by instruction, in the binary format (core spec § 5.4
 * and the SIMD proposal's encodings): only the integer, control and 128-bit SIMD float instructions a dense
 * kernel needs. Locals are declared with {@link local}; parameters come first and are numbered from 0.
 */
export class WasmFunctionBody {
  private readonly bytes: number[] = [];
  private readonly locals: WasmValueType[] = [];

  constructor(readonly params: readonly WasmValueType[]) {}

  /** Declares a local of `type` and returns its index. */
  local(type: WasmValueType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  localGet(index: number): this {
    return this.op(0x20).uleb(index);
  }
  localSet(index: number): this {
    return this.op(0x21).uleb(index);
  }
  i32Const(value: number): this {
    return this.op(0x41).sleb(value);
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32LtU(): this {
    return this.op(0x49);
  }
  /** `select`: the first operand when the third is non-zero, else the second. */
  select(): this {
    return this.op(0x1b);
  }
  /** Opens a loop with no result; a branch to it jumps back to its start. */
  loop(): this {
    return this.op(0x03, 0x40);
  }
  end(): this {
    return this.op(0x0b);
  }
  /** Branches to the enclosing construct `depth` levels out when the top of the stack is non-zero. */
  brIf(depth: number): this {
    return this.op(0x0d).uleb(depth);
  }
  /** Loads 16 bytes at address + offset. */
  v128Load(offset: number): this {
    return this.simd(0x00).memarg(4, offset);
  }
  /** Loads the float at address + offset into all four lanes. */
  v128Load32Splat(offset: number): this {
    return this.simd(0x09).memarg(2, offset);
  }
  /** Stores 16 bytes at address + offset. */
  v128Store(offset: number): this {
    return this.simd(0x0b).memarg(4, offset);
  }
  v128Zero(): this {
    this.simd(0x0c);
    for (let i = 0; i < 16; i++) this.bytes.push(0);
    return this;
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  f32x4Max(): this {
    return this.simd(0xe9);
  }

  /** The body as the code section holds it: local declarations, instructions and the closing `end`. */
  encode(): number[] {
    const groups: Array<[number, WasmValueType]> = [];
    for (const type of this.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === type) last[0]++;
      else groups.push([1, type]);
    }
    const head: number[] = [];
    pushUleb(head, groups.length);
    for (const [count, type] of groups) {
      pushUleb(head, count);
      head.push(VALUE_TYPE[type]);
    }
    return [...head, ...this.bytes, 0x0b];
  }

  private op(...codes: number[]): this {
    this.bytes.push(...codes);
    return this;
  }
  private simd(code: number): this {
    this.bytes.push(SIMD);
    return this.uleb(code);
  }
  private memarg(alignLog2: number, offset: number): this {
    return this.uleb(alignLog2).uleb(offset);
  }
  private uleb(value: number): this {
    pushUleb(this.bytes, value);
    return this;
  }
  private sleb(value: number): this {
    let v = value | 0;
    for (;;) {
      const byte = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
        this.bytes.push(byte);
        return this;
      }
      this.bytes.push(byte | 0x80);
    }
  }
}

/** Appends `value` (a non-negative integer below 2³²) as unsigned LEB128. */
export function pushUleb(out: number[], value: number): void {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
}
