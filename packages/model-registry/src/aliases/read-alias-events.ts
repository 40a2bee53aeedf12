import { CorruptModelError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import { type AliasEvent, AliasEventSchema } from './alias-event.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const EVENT_FILE = /^(\d{10})\.json$/;

/** Keys of an alias's history events in order, with their sequence numbers. */
export async function listAliasEventKeys(
  registry: ModelRegistry,
  name: string,
  alias: string,
): Promise<{ seq: number; key: string }[]> {
  const prefix = registry.keys.aliasPrefix(name, alias);
  const found: { seq: number; key: string }[] = [];
  for (const object of await registry.store.list(prefix)) {
    const match = EVENT_FILE.exec(object.key.slice(prefix.length));
    if (match?.[1] !== undefined) found.push({ seq: Number(match[1]), key: object.key });
  }
  return found.sort((a, b) => a.seq - b.seq);
}

/** Reads and validates one alias event; throws {@link CorruptModelError} naming the key when it is damaged. */
export async function readAliasEvent(registry: ModelRegistry, key: string, seq: number): Promise<AliasEvent> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(await registry.store.get(key)));
  } catch (error) {
    throw new CorruptModelError(`alias event \`${key}\` is not UTF-8 JSON`, key, { cause: error });
  }
  const result = AliasEventSchema.safeParse(json);
  if (!result.success || result.data.seq !== seq) {
    throw new CorruptModelError(
      `alias event \`${key}\` is not a valid event for sequence number ${seq}; the alias history is damaged`,
      key,
      result.success ? undefined : { cause: result.error },
    );
  }
  return result.data;
}

/** The latest event of an alias (its current state), or `undefined` when it has none. */
export async function readLatestAliasEvent(
  registry: ModelRegistry,
  name: string,
  alias: string,
): Promise<AliasEvent | undefined> {
  const keys = await listAliasEventKeys(registry, name, alias);
  const last = keys.at(-1);
  return last === undefined ? undefined : readAliasEvent(registry, last.key, last.seq);
}
