import type { EntityKey, FeatureView, OnlineStore, OnlineValue } from '@fti/feature-store';
import { EntityNotFoundError, InvalidRequestError } from './online-errors.js';

/** An entity as a request names it: its key value, or an object by join key name for composite keys. */
export type EntityId = string | number | Readonly<Record<string, string | number>>;

/** Options of {@link lookupEntityFeatures}. */
export interface LookupEntityFeaturesOptions {
  store: OnlineStore;
  /** The feature view the online store was materialised from. */
  view: FeatureView;
  entityIds: readonly EntityId[];
  /** Feature names to return (the model's inputs); other view features are left out. */
  features: readonly string[];
  /** JSON path of entity i, for messages. Default `entityIds[i]`. */
  path?: (index: number) => string;
}

/**
 * Reads the latest online features of each entity, in order, as plain rows (bigint as number, dates as ISO
 * strings) holding only `features`, ready for a request reader.
 * @throws InvalidRequestError for an id that cannot be a key of the view (wrong type, composite key parts
 *   missing); EntityNotFoundError for ids the store has no unexpired features for.
 */
export async function lookupEntityFeatures(
  options: LookupEntityFeaturesOptions,
): Promise<Record<string, unknown>[]> {
  const { view } = options;
  const path = options.path ?? ((i: number) => `entityIds[${i}]`);
  const keys = options.entityIds.map((id, i) => toEntityKey(view, id, path(i)));
  const found = await options.store.get(view, keys);
  const missing = options.entityIds.filter((_, i) => found[i] === null);
  if (missing.length > 0)
    throw new EntityNotFoundError(
      view.name,
      missing.map((id) => (typeof id === 'object' ? JSON.stringify(id) : id)),
    );
  return found.map((features) => {
    const row: Record<string, unknown> = {};
    for (const name of options.features) {
      const value = features!.values[name];
      if (value !== undefined) row[name] = toJsonValue(value);
    }
    return row;
  });
}

/** The view's entity key for a request's id: integers for `int`/`long` join keys (digits accepted), strings for `string`. */
export function toEntityKey(view: FeatureView, id: EntityId, field = 'entityId'): EntityKey {
  const joinKeys = view.entities.flatMap((e) => e.joinKeys);
  const names = joinKeys.map((k) => k.name).join(', ');
  const parts: Record<string, string | number | undefined> =
    typeof id === 'object' && id !== null
      ? { ...id }
      : joinKeys.length === 1
        ? { [joinKeys[0]!.name]: id }
        : {};
  if (typeof id !== 'object' && joinKeys.length > 1)
    throw new InvalidRequestError([
      { field, message: `must be an object with the join keys ${names} of feature view \`${view.name}\`` },
    ]);
  const key: Record<string, string | number | bigint> = {};
  for (const joinKey of joinKeys) {
    const value = parts[joinKey.name];
    const at = typeof id === 'object' ? `${field}.${joinKey.name}` : field;
    if (joinKey.type === 'string') {
      if (typeof value !== 'string' && typeof value !== 'number')
        throw new InvalidRequestError([
          { field: at, message: `must be a string (join key \`${joinKey.name}\`)` },
        ]);
      key[joinKey.name] = String(value);
      continue;
    }
    const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value;
    if (typeof text !== 'string' || !/^-?\d+$/.test(text))
      throw new InvalidRequestError([
        {
          field: at,
          message: `must be an integer (join key \`${joinKey.name}\` is ${joinKey.type}), got ${JSON.stringify(value) ?? 'nothing'}`,
        },
      ]);
    key[joinKey.name] = joinKey.type === 'long' ? BigInt(text) : Number(text);
  }
  return key;
}

function toJsonValue(value: OnlineValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}
