import type { ObjectInfo, ObjectStore } from '../object-store/object-store.js';

/** The {@link ObjectStore} methods a fault can target. */
export type ObjectStoreOperation =
  | 'get'
  | 'getRange'
  | 'head'
  | 'put'
  | 'putIfAbsent'
  | 'putFile'
  | 'list'
  | 'delete'
  | 'localPath';

/** One armed fault: which operations it counts, and on which of them it fires. */
export interface FaultRule {
  /** Operations counted by this rule. */
  operations: ObjectStoreOperation[];
  /** Only keys (list: the prefix; delete: any of its keys) matching this pattern count. Default: every key. */
  key?: RegExp;
  /** Fire on the `nth` matching operation, 1-based. Default 1. */
  nth?: number;
  /** Fire on every matching operation from the nth on, not only once. Default false. */
  repeat?: boolean;
  /**
   * `before`: throw instead of calling the store (nothing happens). `after`: call the store, then throw, as
   * when a write lands but its response is lost. Default `before`.
   */
  when?: 'before' | 'after';
}

/** One operation as seen by a {@link FaultyObjectStore}. */
export interface ObjectStoreCall {
  operation: ObjectStoreOperation;
  /** The key (list: the prefix; delete: the keys joined with a space). */
  key: string;
  /** True when an injected fault failed this call. */
  failed: boolean;
}

/** The error a {@link FaultyObjectStore} throws for an injected fault. */
export class InjectedFaultError extends Error {
  override name = 'InjectedFaultError';
  constructor(
    readonly operation: ObjectStoreOperation,
    readonly key: string,
    readonly when: 'before' | 'after',
  ) {
    super(`injected fault: ${operation} \`${key}\` failed (${when} reaching the store)`);
  }
}

interface ArmedRule {
  rule: FaultRule;
  seen: number;
}

/**
 * An {@link ObjectStore} wrapper for failure-injection tests: it forwards every call to `inner` and fails
 * (throws {@link InjectedFaultError}) the nth call matching an armed {@link FaultRule} (operation kinds and a
 * key pattern), before or after the call reaches the store. Every call is recorded in `calls`.
 */
export class FaultyObjectStore implements ObjectStore {
  readonly rootUri: string;
  /** Every call so far, in order, with whether a fault failed it. */
  readonly calls: ObjectStoreCall[] = [];
  readonly #inner: ObjectStore;
  #rules: ArmedRule[] = [];

  constructor(
    /** The store every call goes to. */
    inner: ObjectStore,
  ) {
    this.#inner = inner;
    this.rootUri = inner.rootUri;
  }

  /** Arms a fault; its count of matching calls starts now. Several rules may be armed at once. */
  inject(rule: FaultRule): void {
    this.#rules.push({ rule, seen: 0 });
  }

  /** Disarms every fault (recorded calls are kept). */
  heal(): void {
    this.#rules = [];
  }

  /** How many calls an injected fault has failed so far. */
  get failures(): number {
    return this.calls.filter((c) => c.failed).length;
  }

  get(key: string): Promise<Uint8Array> {
    return this.#call('get', [key], () => this.#inner.get(key));
  }

  getRange(key: string, offset: number, length: number): Promise<Uint8Array> {
    return this.#call('getRange', [key], () => this.#inner.getRange(key, offset, length));
  }

  head(key: string): Promise<ObjectInfo | undefined> {
    return this.#call('head', [key], () => this.#inner.head(key));
  }

  put(key: string, body: Uint8Array): Promise<void> {
    return this.#call('put', [key], () => this.#inner.put(key, body));
  }

  putIfAbsent(key: string, body: Uint8Array): Promise<boolean> {
    return this.#call('putIfAbsent', [key], () => this.#inner.putIfAbsent(key, body));
  }

  putFile(key: string, localPath: string): Promise<void> {
    return this.#call('putFile', [key], () => this.#inner.putFile(key, localPath));
  }

  list(prefix: string): Promise<ObjectInfo[]> {
    return this.#call('list', [prefix], () => this.#inner.list(prefix));
  }

  delete(keys: readonly string[]): Promise<void> {
    return this.#call('delete', keys, () => this.#inner.delete(keys));
  }

  localPath(key: string): Promise<string> {
    return this.#call('localPath', [key], () => this.#inner.localPath(key));
  }

  async #call<T>(
    operation: ObjectStoreOperation,
    keys: readonly string[],
    run: () => Promise<T>,
  ): Promise<T> {
    const key = keys.join(' ');
    const fault = this.#match(operation, keys);
    const call: ObjectStoreCall = { operation, key, failed: fault !== undefined };
    this.calls.push(call);
    if (fault === 'before') throw new InjectedFaultError(operation, key, fault);
    const result = await run();
    if (fault === 'after') throw new InjectedFaultError(operation, key, fault);
    return result;
  }

  /** Counts the call against every armed rule it matches; returns when the first firing rule fires. */
  #match(operation: ObjectStoreOperation, keys: readonly string[]): 'before' | 'after' | undefined {
    let fired: 'before' | 'after' | undefined;
    for (const armed of this.#rules) {
      const { rule } = armed;
      if (!rule.operations.includes(operation)) continue;
      if (rule.key && !keys.some((k) => rule.key?.test(k))) continue;
      armed.seen += 1;
      const nth = rule.nth ?? 1;
      const fires = rule.repeat === true ? armed.seen >= nth : armed.seen === nth;
      if (fires && fired === undefined) fired = rule.when ?? 'before';
    }
    return fired;
  }
}
