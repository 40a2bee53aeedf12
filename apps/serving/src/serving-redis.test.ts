import { join } from 'node:path';
import { type RedisServer, startRedisServer } from '@fti/feature-store/testing';
import {
  FEATURE_DATE,
  MODEL_NAME,
  openServingFixture,
  type ServingFixture,
} from '@fti/inference-pipeline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from './config.js';
import { startServing } from './start-serving.js';

// Started at collection time, so a machine without redis-server skips the suite (startRedisServer prints why).
const redis: RedisServer | undefined = await startRedisServer();
let fixture: ServingFixture;
beforeAll(async () => {
  fixture = await openServingFixture();
});
afterAll(async () => {
  await redis?.stop();
  await fixture.close();
});

describe.skipIf(!redis)('serving from a Redis online store', () => {
  it('materialises once, serves entity ids from Redis, and a restart reads only rows past the watermark', async () => {
    const config = parseArgs([
      '--model',
      MODEL_NAME,
      '--registry',
      join(fixture.dir, 'registry'),
      '--warehouse',
      join(fixture.dir, 'warehouse'),
      '--features',
      'features/customers_v1',
      '--online',
      'redis',
      '--redis-url',
      redis!.url,
      '--log-table',
      'none',
      '--log-level',
      'silent',
    ]);
    const entity = fixture.rows.find((r) => r.feature_date === FEATURE_DATE && r.country === 'UK')!;
    const scores: number[] = [];
    const lines: string[] = [];
    for (let run = 0; run < 2; run++) {
      const serving = await startServing(config, { log: (line) => lines.push(line) });
      await serving.onlineReady;
      const inline = await serving.app.inject({
        method: 'POST',
        url: '/predict',
        payload: { features: { x1: entity.x1, x2: entity.x2, country: entity.country } },
      });
      const byId = await serving.app.inject({
        method: 'POST',
        url: '/predict',
        payload: { entityId: entity.customer_id },
      });
      expect(byId.statusCode).toBe(200);
      expect(Math.abs(byId.json().score - inline.json().score)).toBeLessThan(1e-9);
      scores.push(byId.json().score);
      await serving.close();
    }
    expect(scores[1]).toBe(scores[0]);
    const materialised = lines.filter((l) => l.startsWith('online store (redis)'));
    expect(materialised[0]).toMatch(/full materialisation of features\/customers_v1 wrote 5000 entities$/);
    expect(materialised[1]).toMatch(
      /incremental materialisation of features\/customers_v1 wrote 0 entities$/,
    );
  });
});
