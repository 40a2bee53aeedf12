import { randomBytes } from 'node:crypto';

/** A sortable, unique run id: `20240107-153012-1a2b3c` (UTC time, then 3 random bytes). */
export function createRunId(nowMs: number = Date.now()): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}
