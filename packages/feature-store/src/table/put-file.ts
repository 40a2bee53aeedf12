import type { Table } from './table-env.js';

/** Writes an immutable metadata file, recording its key for cleanup first. */
export async function putFile(
  table: Table,
  uri: string,
  bytes: Uint8Array,
  written: string[],
): Promise<{ uri: string; length: number }> {
  const key = table.env.files.keyOf(uri);
  written.push(key);
  await table.env.files.store.put(key, bytes);
  return { uri, length: bytes.length };
}
