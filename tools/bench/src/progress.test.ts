import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function capture(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) }, writes };
}

describe('createProgress', () => {
  it('writes one plain line per step start and end when not on a terminal (CI logs)', () => {
    const { stream, writes } = capture(false);
    const progress = createProgress({ total: 2, stream });
    progress.start('prepare');
    progress.log('  transactions: 10 rows');
    progress.finish('ready');
    progress.start('append · peer');
    progress.finish('1.00 s');
    progress.done();
    expect(writes.join('')).toBe(
      '[1/2] prepare …\n  transactions: 10 rows\n[1/2] prepare: ready\n[2/2] append · peer …\n[2/2] append · peer: 1.00 s\n',
    );
  });

  it('redraws a bar in place on a terminal and fills it as steps finish', () => {
    const { stream, writes } = capture(true);
    const progress = createProgress({ total: 2, stream });
    progress.start('prepare');
    progress.finish('ready');
    progress.start('append');
    progress.finish('1.00 s');
    progress.done();
    const bars = writes.filter((text) => /[░█]/.test(text));
    expect(bars[0]).toBe(`\r\x1b[2K[${'░'.repeat(24)}] 1/2 prepare`);
    expect(bars.at(-1)).toBe(`\r\x1b[2K[${'█'.repeat(24)}] 2/2 `);
    expect(writes).toContain('\r\x1b[2K  prepare: ready\n');
    expect(writes.every((text) => text.startsWith('\r'))).toBe(true);
    expect(writes.at(-1)).toBe('\r\x1b[2K');
  });
});
