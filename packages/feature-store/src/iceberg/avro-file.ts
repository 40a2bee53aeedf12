import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import avro from 'avsc';
import { createAvroType } from './avro-type.js';

const MAGIC = Buffer.from([0x4f, 0x62, 0x6a, 0x01]);
const HEADER = avro.Type.forSchema({
  type: 'record',
  name: 'org.apache.avro.file.Header',
  fields: [
    { name: 'magic', type: { type: 'fixed', name: 'Magic', size: 4 } },
    { name: 'meta', type: { type: 'map', values: 'bytes' } },
    { name: 'sync', type: { type: 'fixed', name: 'Sync', size: 16 } },
  ],
});
const LONG = avro.Type.forSchema('long');
const RECORDS_PER_BLOCK = 4096;
const TRAILER = Buffer.alloc(8);

/** Contents of an Avro object container file. */
export interface AvroFile {
  /** The writer schema, plain JSON as stored in the header (with custom attributes such as `field-id`). */
  schema: unknown;
  /** User metadata of the header (`avro.*` keys excluded), as UTF-8 strings. */
  metadata: Record<string, string>;
  records: unknown[];
}

/**
 * Writes an Avro object container file (Avro spec: Object Container Files) with the `deflate` codec. The schema
 * is stored verbatim as JSON so custom attributes (`field-id`, `element-id`) reach the header; the sync marker
 * is derived from the content so the same input gives the same bytes.
 */
export function writeAvroFile(file: AvroFile): Uint8Array {
  const schemaText = JSON.stringify(file.schema);
  const type = createAvroType(file.schema);
  const blocks: Buffer[][] = [];
  for (let i = 0; i < file.records.length; i += RECORDS_PER_BLOCK) {
    blocks.push(file.records.slice(i, i + RECORDS_PER_BLOCK).map((r) => type.toBuffer(r)));
  }
  const hash = createHash('md5').update(schemaText);
  for (const block of blocks) for (const b of block) hash.update(b);
  const sync = hash.digest();
  const meta: Record<string, Buffer> = {
    'avro.schema': Buffer.from(schemaText, 'utf8'),
    'avro.codec': Buffer.from('deflate', 'utf8'),
  };
  for (const [key, value] of Object.entries(file.metadata)) meta[key] = Buffer.from(value, 'utf8');
  const parts: Buffer[] = [HEADER.toBuffer({ magic: MAGIC, meta, sync })];
  for (const block of blocks) {
    // Eight zero bytes after the deflate stream: inflaters (zlib, Java's InflaterOutputStream, python) stop at
    // the final block and ignore them, while icebird's gunzip treats deflate as gzip and only stops its scan
    // for a next member at an 8-byte "footer"; without it small blocks overflow its stack.
    const data = Buffer.concat([deflateRawSync(Buffer.concat(block)), TRAILER]);
    parts.push(LONG.toBuffer(block.length), LONG.toBuffer(data.length), data, sync);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * Reads an Avro object container file with codec `null` or `deflate`, decoding records with the writer schema
 * (longs as `bigint`). Throws a plain `Error` describing the damage; callers name the file.
 */
export function readAvroFile(bytes: Uint8Array): AvroFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 4 || !buf.subarray(0, 4).equals(MAGIC))
    throw new Error('not an Avro file (bad magic bytes)');
  const header = decodeAt(HEADER, buf, 0, 'header');
  const { meta, sync } = header.value as { meta: Record<string, Buffer>; sync: Buffer };
  const schemaBytes = meta['avro.schema'];
  if (!schemaBytes) throw new Error('Avro header has no avro.schema');
  const schema: unknown = JSON.parse(schemaBytes.toString('utf8'));
  const codec = meta['avro.codec']?.toString('utf8') ?? 'null';
  if (codec !== 'null' && codec !== 'deflate') throw new Error(`unsupported Avro codec \`${codec}\``);
  const type = createAvroType(schema);
  const records: unknown[] = [];
  let pos = header.offset;
  while (pos < buf.length) {
    const count = decodeAt(LONG, buf, pos, 'block count');
    const size = decodeAt(LONG, buf, count.offset, 'block size');
    const start = size.offset;
    const end = start + (size.value as number);
    if (end + 16 > buf.length) throw new Error('truncated Avro block');
    const raw = buf.subarray(start, end);
    const data = codec === 'deflate' ? inflateRawSync(raw) : raw;
    let at = 0;
    for (let i = 0; i < (count.value as number); i++) {
      const record = decodeAt(type, data, at, 'record');
      records.push(record.value);
      at = record.offset;
    }
    if (!buf.subarray(end, end + 16).equals(sync)) throw new Error('Avro sync marker mismatch');
    pos = end + 16;
  }
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta))
    if (!key.startsWith('avro.')) metadata[key] = value.toString('utf8');
  return { schema, metadata, records };
}

function decodeAt(
  type: avro.Type,
  buf: Buffer,
  pos: number,
  what: string,
): { value: unknown; offset: number } {
  const result = type.decode(buf, pos);
  if (result.offset < 0) throw new Error(`truncated Avro ${what}`);
  return result;
}
