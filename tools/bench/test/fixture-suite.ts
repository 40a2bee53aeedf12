// A suite for the harness's own tests: small, fast workloads whose outcomes are known in advance.
import { NotImplementedYet } from '../src/not-implemented-yet.js';
import type { Suite } from '../src/types.js';

/** Bytes the `allocate` workload's fti side keeps resident, so its peak RSS is measurably above the peer's. */
export const ALLOCATED_MB = 256;

/** The fixture suite: `allocate` (both sides run), `pending`, `crash` and `missing-peer`. */
export const fixtureSuite: Suite = {
  name: 'fixture',
  module: import.meta.url,
  async prepare({ rows }) {
    return { marker: `rows=${rows}` };
  },
  workloads: [
    {
      name: 'allocate',
      title: 'fti touches ALLOCATED_MB of memory, the peer almost none',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: {
        label: 'fti: allocate',
        async run(context) {
          const block = new Float64Array((ALLOCATED_MB * 1024 * 1024) / 8).fill(1);
          return { rows: context.rows + (block[block.length - 1] === 1 ? 0 : 1) };
        },
      },
      peer: {
        label: 'peer: count',
        async setup(context) {
          return context.data.marker;
        },
        async run(context, marker: string) {
          return { rows: marker === `rows=${context.rows}` ? context.rows : -1 };
        },
      },
    },
    {
      name: 'pending',
      title: 'fti side still to be written',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: {
        label: 'fti: pending',
        async run() {
          throw new NotImplementedYet('fti: pending workload');
        },
      },
      peer: { label: 'peer: noop', run: async (context) => ({ rows: context.rows }) },
    },
    {
      name: 'crash',
      title: 'fti side throws',
      metric: 'wall time',
      unit: 's',
      target: 1.5,
      fti: {
        label: 'fti: crash',
        async run() {
          throw new Error('boom in the fti side');
        },
      },
      peer: {
        label: 'peer: not installed',
        unavailable: async () => 'python3-pandas is not installed (apt-get install python3-pandas)',
        run: async () => ({ rows: 0 }),
      },
    },
  ],
};
