/**
 * Iterates `source` one item ahead: the next item is requested before the current one is handed out, so
 * the producer (a DuckDB scan) works while the consumer (scoring) runs.
 */
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      // A failure of the prefetched item surfaces when it is awaited, never as an unhandled rejection.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    await iterator.return?.();
  }
}
