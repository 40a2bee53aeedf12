const MARK = '\u0000bigint:';

/**
 * Serialises a value like `JSON.stringify(value, null, indent)`, writing `bigint`s as exact JSON integers
 * (not strings), so 63-bit snapshot ids survive. Default indent: 2 spaces.
 */
export function stringifyJsonBigint(value: unknown, indent = 2): string {
  const json = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${MARK}${v}` : v), indent);
  return json.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}
