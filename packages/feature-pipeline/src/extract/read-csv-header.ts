import { open } from 'node:fs/promises';

/** Longest header line read, bytes. */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * The column names on the first line of a CSV file (UTF-8 BOM stripped, quoted names unquoted, doubled
 * quotes undone); an empty array for an empty file.
 */
export async function readCsvHeader(
  path: string,
  options: { delimiter: string; quote: string },
): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(MAX_HEADER_BYTES, (await handle.stat()).size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return splitCsvLine(firstLine(text, options.quote), options);
  } finally {
    await handle.close();
  }
}

/** The first line, where newlines inside quotes do not end it. */
function firstLine(text: string, quote: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === quote) quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

function splitCsvLine(line: string, options: { delimiter: string; quote: string }): string[] {
  if (line === '') return [];
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === options.quote && line[i + 1] === options.quote) {
        field += ch;
        i++;
      } else if (ch === options.quote) quoted = false;
      else field += ch;
    } else if (ch === options.quote) quoted = true;
    else if (ch === options.delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}
