import avro from 'avsc';

/** Avro `long` decoded as `bigint` (exact for all 64 bits) and encoded from `bigint` or a safe-integer `number`. */
const bigintLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint | number) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (json: unknown) => BigInt(json as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint' || (typeof n === 'number' && Number.isSafeInteger(n)),
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

/**
 * Compiles an Avro schema (plain JSON, as in a file header) into an avsc type whose longs are `bigint`, so ids
 * written by other engines with all 64 bits survive. Custom attributes such as `field-id` are ignored here;
 * the header keeps them because it is written from the JSON, not from this type.
 */
export function createAvroType(schema: unknown): avro.Type {
  return avro.Type.forSchema(schema as avro.Schema, { registry: { long: bigintLong } });
}
