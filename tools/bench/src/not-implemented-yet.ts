/** Thrown by a workload side that is still to be written; the harness skips it and prints the reason. */
export class NotImplementedYet extends Error {
  override name = 'NotImplementedYet';
  constructor(readonly what: string) {
    super(`${what} is not implemented yet`);
  }
}
