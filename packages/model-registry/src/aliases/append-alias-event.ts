import { AliasConflictError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import type { AliasAction, AliasEvent, PromotionDecision } from './alias-event.js';
import { readLatestAliasEvent } from './read-alias-events.js';

/** What an update decides, given the alias's current state (`undefined` when it has no history). */
export interface AliasChange {
  action: AliasAction;
  /** Target after the event. */
  version: number | null;
  /** Rollback stack after the event. */
  rollbackStack: number[];
  reason: string;
  decision?: PromotionDecision;
}

/** Options of {@link appendAliasEvent}. */
export interface AppendAliasEventOptions {
  name: string;
  alias: string;
  /** Computes the change from the current state; may throw to abort. Called again after a lost race. */
  decide: (current: AliasEvent | undefined) => Promise<AliasChange>;
  /** Fail with {@link AliasConflictError} unless the latest event has this seq (0 = no history). Default: retry. */
  expectedSeq?: number;
  /** Attempts before giving up on a busy alias (default 20). */
  maxAttempts?: number;
}

const encoder = new TextEncoder();

/**
 * Appends one event to an alias's history with optimistic concurrency: reads the latest event, decides,
 * and creates `<seq+1>.json` with `putIfAbsent`. A lost race re-reads and decides again (or fails when
 * `expectedSeq` pins the state the caller saw), so every decision is made against the state it extends.
 */
export async function appendAliasEvent(
  registry: ModelRegistry,
  options: AppendAliasEventOptions,
): Promise<AliasEvent> {
  const maxAttempts = options.maxAttempts ?? 20;
  let seen = 0;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = await readLatestAliasEvent(registry, options.name, options.alias);
    seen = current?.seq ?? 0;
    if (options.expectedSeq !== undefined && seen !== options.expectedSeq) {
      throw new AliasConflictError(options.name, options.alias, options.expectedSeq, seen);
    }
    const change = await options.decide(current);
    const event: AliasEvent = {
      formatVersion: 1,
      model: options.name,
      alias: options.alias,
      seq: seen + 1,
      action: change.action,
      version: change.version,
      previousVersion: current?.version ?? null,
      rollbackStack: change.rollbackStack,
      reason: change.reason,
      atMs: registry.now(),
      ...(change.decision === undefined ? {} : { decision: change.decision }),
    };
    const key = registry.keys.aliasEvent(options.name, options.alias, event.seq);
    if (await registry.store.putIfAbsent(key, encoder.encode(`${JSON.stringify(event, null, 2)}\n`)))
      return event;
    if (options.expectedSeq !== undefined) {
      throw new AliasConflictError(options.name, options.alias, options.expectedSeq, seen + 1);
    }
  }
  throw new AliasConflictError(options.name, options.alias, seen, seen + 1);
}
