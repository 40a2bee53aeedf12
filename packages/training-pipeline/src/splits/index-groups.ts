/** Group keys per row: entity ids as strings, numbers or integer codes. */
export type GroupKeys = readonly (string | number)[] | Int32Array | Float64Array;

/** Dense group ids (0 .. groups − 1, in order of first appearance) and each group's row count. */
export function indexGroups(keys: GroupKeys): { ids: Int32Array; sizes: number[] } {
  const idOf = new Map<string | number, number>();
  const ids = new Int32Array(keys.length);
  const sizes: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    let id = idOf.get(key);
    if (id === undefined) {
      id = sizes.length;
      idOf.set(key, id);
      sizes.push(0);
    }
    ids[i] = id;
    sizes[id]!++;
  }
  return { ids, sizes };
}
