import { readAliasEvent } from '../aliases/read-alias-events.js';
import type { ModelRegistry } from '../open-model-registry.js';

/** One registered model at a glance. */
export interface ModelSummary {
  name: string;
  /** Complete versions, ascending. */
  versions: number[];
  /** Current target of every set alias (`{ production: 3 }`). */
  aliases: Record<string, number>;
}

const MODEL_KEY = /^([^/]+)\/(?:versions\/([1-9]\d*)\/version\.json|aliases\/([^/]+)\/(\d{10})\.json)$/;

/**
 * Every model with at least one complete version, sorted by name, with its versions and current aliases.
 * One listing of the registry plus one read per alias.
 */
export async function listModels(registry: ModelRegistry): Promise<ModelSummary[]> {
  const prefix = registry.keys.models;
  const versions = new Map<string, number[]>();
  const latestAlias = new Map<string, { key: string; seq: number }>();
  for (const object of await registry.store.list(prefix)) {
    const match = MODEL_KEY.exec(object.key.slice(prefix.length));
    if (match === null) continue;
    const [, name = '', version, alias, seq] = match;
    if (version !== undefined) {
      versions.set(name, [...(versions.get(name) ?? []), Number(version)]);
    } else if (alias !== undefined && seq !== undefined) {
      const id = `${name}/${alias}`;
      const previous = latestAlias.get(id);
      if (previous === undefined || Number(seq) > previous.seq)
        latestAlias.set(id, { key: object.key, seq: Number(seq) });
    }
  }
  const summaries = [...versions.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, numbers]): ModelSummary => ({ name, versions: numbers.sort((a, b) => a - b), aliases: {} }));
  const byName = new Map(summaries.map((summary) => [summary.name, summary]));
  for (const { key, seq } of [...latestAlias.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const event = await readAliasEvent(registry, key, seq);
    const summary = byName.get(event.model);
    if (summary !== undefined && event.version !== null) summary.aliases[event.alias] = event.version;
  }
  return summaries;
}
