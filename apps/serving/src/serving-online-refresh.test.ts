import { join } from 'node:path';
import { appendData, loadTable } from '@fti/feature-store';
import {
  FEATURE_DATE,
  MODEL_NAME,
  openServingFixture,
  type ServingFixture,
} from '@fti/inference-pipeline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from './config.js';
import { startServing } from './start-serving.js';

let fixture: ServingFixture;
beforeAll(async () => {
  fixture = await openServingFixture();
});
afterAll(async () => {
  await fixture.close();
});

describe('online store refresh', () => {
  it('materialises new feature rows incrementally while serving, and a persisted store restarts from its watermark', async () => {
    const config = parseArgs([
      '--model',
      MODEL_NAME,
      '--registry',
      join(fixture.dir, 'registry'),
      '--warehouse',
      join(fixture.dir, 'warehouse'),
      '--features',
      'features/customers_v1',
      '--online-file',
      join(fixture.dir, 'online.json'),
      '--log-table',
      'none',
      '--log-level',
      'silent',
    ]);
    const lines: string[] = [];
    const serving = await startServing(config, { log: (line) => lines.push(line) });
    await serving.onlineReady;
    const entity = fixture.rows.find((r) => r.feature_date === FEATURE_DATE && r.country === 'DE')!;
    const predict = (payload: object) =>
      serving.app.inject({ method: 'POST', url: '/predict', payload }).then((r) => r.json().score as number);
    const before = await predict({ entityId: entity.customer_id });
    expect(before).toBe(await predict({ features: { x1: entity.x1, x2: entity.x2, country: 'DE' } }));

    // The feature pipeline lands a newer date for this customer; a refresh serves it.
    const table = await loadTable(fixture.warehouse, { namespace: 'features', name: 'customers_v1' });
    await appendData(table, {
      kind: 'rows',
      rows: [
        {
          customer_id: entity.customer_id,
          feature_date: new Date('2011-12-04T00:00:00Z'),
          x1: 4.5,
          x2: 1,
          country: 'DE',
        },
      ],
    });
    await serving.refreshOnline();
    expect(await predict({ entityId: entity.customer_id })).toBe(
      await predict({ features: { x1: 4.5, x2: 1, country: 'DE' } }),
    );
    await serving.close();

    const restarted = await startServing(config, { log: (line) => lines.push(line) });
    await restarted.onlineReady;
    await restarted.close();
    expect(lines.filter((l) => l.startsWith('online store')).map((l) => l.replace(/^.*?: /, ''))).toEqual([
      'full materialisation of features/customers_v1 wrote 5000 entities',
      'incremental materialisation of features/customers_v1 wrote 1 entities',
      'incremental materialisation of features/customers_v1 wrote 0 entities',
    ]);
  });
});
