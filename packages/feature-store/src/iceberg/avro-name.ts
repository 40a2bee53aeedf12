/**
 * An Avro-compatible field name for an Iceberg name, the way Iceberg Java does it (`AvroSchemaUtil.makeCompatibleName`):
 * a leading digit gets `_` before it, other invalid characters become `_x<HEX>`.
 */
export function avroName(name: string): string {
  let out = '';
  for (const [i, ch] of Array.from(name).entries()) {
    const valid = /[A-Za-z_]/.test(ch) || (i > 0 && /[0-9]/.test(ch));
    if (valid) out += ch;
    else if (i === 0 && /[0-9]/.test(ch)) out += `_${ch}`;
    else out += `_x${(ch.codePointAt(0) as number).toString(16).toUpperCase()}`;
  }
  return out;
}
