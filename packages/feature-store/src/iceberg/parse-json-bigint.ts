/**
 * Parses JSON text like `JSON.parse`, but keeps integers beyond `Number.MAX_SAFE_INTEGER` exact: they come
 * back as decimal strings (other writers use all 63 bits of a snapshot id), so callers turn them into
 * `bigint` where the field is an id. Throws `SyntaxError` on malformed JSON, like `JSON.parse`.
 */
export function parseJsonBigint(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

/** Wraps every integer literal outside strings whose magnitude exceeds 2^53 - 1 in quotes. */
function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i);
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      i++;
      while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
      const token = text.slice(start, i);
      if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(last, start)}"${token}"`;
        last = i;
      }
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

function isNumberChar(c: number): boolean {
  // digits, '.', 'e', 'E', '+', '-'
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}
