/**
 * Serialises JSON-like data canonically: object keys sorted by code unit, no whitespace, `undefined`
 * members dropped, arrays in order. Equal data gives equal text whatever the key order it was built in.
 * Throws on values JSON cannot represent exactly (non-finite numbers, bigint, functions, cycles).
 */
export function canonicalJson(value: unknown): string {
  return render(value, new Set());
}

function render(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object': {
      if (seen.has(value)) throw new TypeError('canonical JSON: the value contains a cycle');
      seen.add(value);
      const text = Array.isArray(value)
        ? `[${value.map((item) => (item === undefined ? 'null' : render(item, seen))).join(',')}]`
        : `{${Object.keys(value)
            .sort()
            .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
            .map((key) => `${JSON.stringify(key)}:${render((value as Record<string, unknown>)[key], seen)}`)
            .join(',')}}`;
      seen.delete(value);
      return text;
    }
    default:
      throw new TypeError(`canonical JSON: cannot serialise a ${typeof value}`);
  }
}
