import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeBackend, selectBackend } from './select-backend.js';

describe('selectBackend', () => {
  it('falls back from tfjs-node (not installed here) to wasm, says why, and is idempotent', async () => {
    const lines: string[] = [];
    const first = await selectBackend({ report: (line) => lines.push(line) });
    expect(first).toEqual({
      name: 'wasm',
      version: version_wasm,
      skipped: [{ name: 'node', reason: 'not installed (npm install @tensorflow/tfjs-node to use it)' }],
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_SIMD_SUPPORT')).toBe(true);
    expect(lines).toEqual([
      'tfjs backend: wasm 4.22.0 (skipped node: not installed (npm install @tensorflow/tfjs-node to use it))',
    ]);
    expect(await selectBackend()).toBe(first);
    expect(await selectBackend({ prefer: 'wasm' })).toBe(first);
    const [a, b] = await Promise.all([selectBackend(), selectBackend()]);
    expect(a).toBe(first);
    expect(b).toBe(first);
  });

  it('switches only when another backend is preferred, then keeps it', async () => {
    const cpu = await selectBackend({ prefer: 'cpu' });
    expect(cpu).toMatchObject({ name: 'cpu', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
    expect(await selectBackend()).toBe(cpu);
    expect(tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0])).toBe(5);
    const wasm = await selectBackend({ prefer: 'wasm' });
    expect(describeBackend(wasm)).toBe('tfjs backend: wasm 4.22.0');
    expect(tf.getBackend()).toBe('wasm');
  });
});
