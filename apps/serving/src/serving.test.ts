import { join } from 'node:path';
import { loadTable, queryTable } from '@fti/feature-store';
import { createModelHolder, loadServableModel, prepareOnlineModel, scoreRows } from '@fti/inference-pipeline';
import {
  FEATURE_DATE,
  MODEL_NAME,
  openServingFixture,
  type ServingFixture,
} from '@fti/inference-pipeline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server.js';
import { parseArgs } from './config.js';
import { createServingMetrics } from './serving-metrics.js';
import { type Serving, startServing } from './start-serving.js';

const TOKEN = 'test-token-0123456789';
let fixture: ServingFixture;
let serving: Serving;

function configFor(dir: string, extra: string[] = []) {
  return parseArgs(
    [
      '--model',
      MODEL_NAME,
      '--registry',
      join(dir, 'registry'),
      '--warehouse',
      join(dir, 'warehouse'),
      '--features',
      'features/customers_v1',
      '--body-limit',
      '4096',
      '--max-batch-rows',
      '50',
      '--log-flush-rows',
      '1000',
      '--log-level',
      'silent',
      ...extra,
    ],
    { FTI_SERVING_RELOAD_TOKEN: TOKEN },
  );
}

beforeAll(async () => {
  fixture = await openServingFixture();
  serving = await startServing(configFor(fixture.dir));
  await serving.onlineReady;
});
afterAll(async () => {
  await serving?.close();
  await fixture.close();
});

const latest = () => fixture.rows.filter((r) => r.feature_date === FEATURE_DATE);
const features = (r: ServingFixture['rows'][number]) => ({ x1: r.x1, x2: r.x2, country: r.country ?? 'UK' });

/** The batch path's scores (applyPreprocessor + tfjs predictProba) for the same rows. */
async function batchScores(rows: Record<string, unknown>[]) {
  const model = prepareOnlineModel(
    await loadServableModel(fixture.registry, { name: MODEL_NAME, version: 1 }),
  );
  return (await scoreRows(model, rows, { jsMaxRows: 0 })).map((p) => p.score);
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  serving.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('serving app', () => {
  it('scores inline rows, entity ids and batches exactly like batch predictProba (1e-6)', async () => {
    const rows = latest().slice(0, 40);
    const expected = await batchScores(rows.map(features));
    const single = await Promise.all(
      rows.slice(0, 10).map((r) => post('/predict', { features: features(r) })),
    );
    for (const [i, response] of single.entries()) {
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(Math.abs(body.score - expected[i]!)).toBeLessThan(1e-6);
      expect(body).toMatchObject({
        model: { name: MODEL_NAME, version: 1 },
        threshold: 0.45,
        entityId: null,
      });
      expect(body.predictedClass).toBe(body.score >= 0.45 ? 1 : 0);
      expect(response.headers['x-request-id']).toBe(body.requestId);
    }
    const batch = await post('/predict/batch', { rows: rows.map(features) });
    expect(batch.statusCode).toBe(200);
    const predictions = batch.json().predictions as { score: number }[];
    expect(predictions).toHaveLength(40);
    for (const [i, p] of predictions.entries()) expect(Math.abs(p.score - expected[i]!)).toBeLessThan(1e-6);

    // Entity ids read the latest feature date's values from the embedded online store.
    const withCountry = rows.filter((r) => r.country !== null).slice(0, 5);
    const fromStore = await batchScores(withCountry.map(features));
    const byId = await post(
      '/predict',
      { entityId: withCountry[0]!.customer_id },
      { 'x-request-id': 'abc-1' },
    );
    expect(byId.json()).toMatchObject({ requestId: 'abc-1', entityId: String(withCountry[0]!.customer_id) });
    expect(Math.abs(byId.json().score - fromStore[0]!)).toBeLessThan(1e-6);
    const byIds = await post('/predict/batch', { entityIds: withCountry.map((r) => String(r.customer_id)) });
    for (const [i, p] of (byIds.json().predictions as { score: number }[]).entries())
      expect(Math.abs(p.score - fromStore[i]!)).toBeLessThan(1e-6);
  });

  it('answers every bad input with a 4xx JSON error saying what to send', async () => {
    const cases: [string, () => ReturnType<typeof post>, number, string][] = [
      [
        'malformed JSON',
        () =>
          serving.app.inject({
            method: 'POST',
            url: '/predict',
            payload: '{"features": {',
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'malformed_json',
      ],
      [
        'missing feature',
        () => post('/predict', { features: { x2: 1, country: 'UK' } }),
        400,
        'features.x1: is missing but required; send a finite number',
      ],
      [
        'extra feature',
        () => post('/predict', { features: { x1: 1, country: 'UK', x7: 0 } }),
        400,
        `features.x7: is not an input of model ${MODEL_NAME}@1; remove it (inputs: x1, x2, country)`,
      ],
      [
        'wrong type',
        () => post('/predict', { features: { x1: '1', country: 'UK' } }),
        400,
        'features.x1: must be a finite number, got the string "1"',
      ],
      [
        'infinite number (1e999)',
        () =>
          serving.app.inject({
            method: 'POST',
            url: '/predict',
            payload: '{"features": {"x1": 1e999, "country": "UK"}}',
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'features.x1: is Infinity; send a finite number (NaN and infinities are not accepted)',
      ],
      [
        'NaN literal',
        () =>
          serving.app.inject({
            method: 'POST',
            url: '/predict',
            payload: '{"features": {"x1": NaN, "country": "UK"}}',
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'malformed_json',
      ],
      [
        'oversized body',
        () =>
          post('/predict/batch', {
            rows: Array.from({ length: 100 }, () => ({ x1: 1.123456789, x2: 2.123456789, country: 'UK' })),
          }),
        413,
        'the request body is over 4096 bytes; send fewer rows per request',
      ],
      [
        'too many rows',
        () => post('/predict/batch', { rows: Array.from({ length: 51 }, () => ({ x1: 1, country: 'UK' })) }),
        400,
        '`rows` has 51 items; send at most 50 per request',
      ],
      [
        'unknown entity',
        () => post('/predict', { entityId: 5 }),
        404,
        'no online features for entity `5` in feature view `customers`; check the id, or send the features in the body',
      ],
      [
        'malformed entity id',
        () => post('/predict', { entityId: 'abc' }),
        400,
        'entityId: must be an integer (join key `customer_id` is long), got "abc"',
      ],
      [
        'both fields',
        () => post('/predict', { features: { x1: 1, country: 'UK' }, entityId: 12000 }),
        400,
        'give `features` or `entityId`, not both; send {"features": {...}} or {"entityId": ...}',
      ],
      [
        'unknown field',
        () => post('/predict', { feature: {} }),
        400,
        '`feature` is not a field of this endpoint; send {"features": {...}} or {"entityId": ...}',
      ],
      [
        'not JSON',
        () =>
          serving.app.inject({
            method: 'POST',
            url: '/predict',
            payload: 'x1=1',
            headers: { 'content-type': 'text/plain' },
          }),
        415,
        'send the body as JSON with content-type: application/json',
      ],
      [
        'unknown route',
        () => serving.app.inject({ method: 'GET', url: '/predictions' }),
        404,
        'no route GET /predictions; see /docs for the API',
      ],
    ];
    for (const [name, send, status, message] of cases) {
      const response = await send();
      const body = response.json();
      expect({ name, status: response.statusCode }).toEqual({ name, status });
      if (message === 'malformed_json') {
        expect(body.error).toBe('malformed_json');
        expect(body.message).toMatch(/JSON/);
      } else expect({ name, message: body.message }).toEqual({ name, message });
      expect(typeof body.requestId).toBe('string');
    }
    // The server still serves after all of that.
    expect((await post('/predict', { features: { x1: 1, country: 'UK' } })).statusCode).toBe(200);
  });

  it('exposes health, model info, OpenAPI docs and metrics with the right counts', async () => {
    expect((await serving.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await serving.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({
      status: 'ready',
      model: `${MODEL_NAME}@1`,
      online: 'ready',
    });
    const info = (await serving.app.inject({ method: 'GET', url: '/model/info' })).json();
    expect(info).toMatchObject({
      ref: `${MODEL_NAME}@staging`,
      version: 1,
      preprocessedWidth: 6,
      featureView: 'customers@1',
    });
    const docs = (await serving.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(
      docs.paths['/predict'].post.requestBody.content['application/json'].schema.properties.features.required,
    ).toEqual(['x1', 'country']);
    expect((await serving.app.inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);

    const before = await serving.app.inject({ method: 'GET', url: '/metrics' });
    const count = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? 0);
    const ok = /fti_serving_requests_total\{route="\/predict",method="POST",status="200"\} (\d+)/;
    const scores = /fti_serving_prediction_score_count\{model="buys-again@1"\} (\d+)/;
    for (let i = 0; i < 7; i++) await post('/predict', { features: { x1: i, country: 'DE' } });
    await post('/predict', { features: { x1: 'x', country: 'DE' } });
    const after = (await serving.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(count(after, ok) - count(before.body, ok)).toBe(7);
    expect(count(after, scores) - count(before.body, scores)).toBe(7);
    expect(after).toMatch(/fti_serving_requests_total\{route="\/predict",method="POST",status="400"\} \d+/);
    expect(after).toContain(`fti_serving_model_version{model="${MODEL_NAME}"} 1`);
    expect(after).toMatch(/fti_serving_request_duration_seconds_bucket\{le="0.005",route="\/predict"\} \d+/);
  });

  it('reloads only with the token, swaps under concurrent requests without failing one, keeps the old model when a reload fails', async () => {
    expect((await post('/admin/reload', {})).statusCode).toBe(401);
    const wrong = await post('/admin/reload', {}, { authorization: 'Bearer nope' });
    expect([wrong.statusCode, wrong.json().message]).toEqual([403, 'the reload token is wrong']);

    await fixture.registerNextVersion(3);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const load = Array.from({ length: 60 }, (_, i) =>
      post('/predict', { features: { x1: i / 10, country: 'UK' } }),
    );
    const reload = post('/admin/reload', {}, auth);
    const more = Array.from({ length: 60 }, (_, i) =>
      post('/predict', { features: { x1: i / 10, country: 'UK' } }),
    );
    const responses = await Promise.all([...load, ...more]);
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    expect((await reload).json()).toEqual({
      kind: 'swapped',
      previous: `${MODEL_NAME}@1`,
      current: `${MODEL_NAME}@2`,
    });
    const versions = new Set(responses.map((r) => r.json().model.version));
    expect([...versions].every((v) => v === 1 || v === 2)).toBe(true);
    expect((await post('/predict', { features: { x1: 1, country: 'UK' } })).json().model.version).toBe(2);

    // A tampered version 3: the reload fails with 409 and version 2 keeps serving.
    const third = await fixture.registerNextVersion(4);
    const key = fixture.registry.keys.artifact(MODEL_NAME, third.version, 'preprocessing.json');
    const bytes = Uint8Array.from(await fixture.registry.store.get(key));
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    await fixture.registry.store.put(key, bytes);
    const failed = await post('/admin/reload', {}, auth);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().message).toMatch(
      new RegExp(`^reload failed, still serving ${MODEL_NAME}@2: .*sha256`),
    );
    expect((await serving.app.inject({ method: 'GET', url: '/model/info' })).json().version).toBe(2);
    const metrics = (await serving.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain(`fti_serving_model_version{model="${MODEL_NAME}"} 2`);
    expect(metrics).toContain('fti_serving_model_reloads_total{outcome="failed"} 1');
    await fixture.registry.store.put(key, Uint8Array.from(bytes.map((b, i) => (i === 10 ? b ^ 1 : b))));
  });

  it('answers 503 on /ready and /predict before a model is loaded', async () => {
    const holder = createModelHolder({
      load: () => loadServableModel(fixture.registry, { name: MODEL_NAME, version: 1 }),
    });
    const app = await buildServer({
      holder,
      signature: (await loadServableModel(fixture.registry, { name: MODEL_NAME, version: 1 })).signature,
      ref: `${MODEL_NAME}@1`,
      online: { status: 'disabled' },
      metrics: createServingMetrics({ processMetrics: false }),
      bodyLimit: 4096,
      maxBatchRows: 10,
      logLevel: 'silent',
    });
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(503);
    const early = await app.inject({
      method: 'POST',
      url: '/predict',
      payload: { features: { x1: 1, country: 'UK' } },
    });
    expect([early.statusCode, early.json().error]).toEqual([503, 'model_not_ready']);
    await holder.reload();
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    const noStore = await app.inject({ method: 'POST', url: '/predict', payload: { entityId: 12000 } });
    expect([noStore.statusCode, noStore.json().error]).toEqual([400, 'no_online_store']);
    await app.close();
  });

  it('refuses to start on a missing version or a tampered model file, with the registry’s message', async () => {
    await expect(startServing(configFor(fixture.dir, ['--version', '99']))).rejects.toThrow(/99/);
    const key = fixture.registry.keys.artifact(MODEL_NAME, 1, 'group1-shard1of1.bin');
    const bytes = await fixture.registry.store.get(key);
    const tampered = Uint8Array.from(bytes);
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    await fixture.registry.store.put(key, tampered);
    try {
      await expect(startServing(configFor(fixture.dir, ['--version', '1']))).rejects.toThrow(/sha256/);
    } finally {
      await fixture.registry.store.put(key, bytes);
    }
  });

  it('writes every prediction to the Iceberg log, flushed on close', async () => {
    await serving.close();
    const table = await loadTable(fixture.warehouse, {
      namespace: 'predictions',
      name: 'buys_again_online_log',
    });
    const [row] = await queryTable(
      table,
      (t) =>
        `SELECT count(*)::INT AS n, count(DISTINCT request_id)::INT AS requests, count(entity_id)::INT AS entities FROM ${t}`,
    );
    // 10 + 40 + 1 + 5 (first test), 1 (bad-input test), 7 (metrics test), 121 (reload test).
    expect(row).toEqual({
      n: 10 + 40 + 1 + 5 + 1 + 7 + 121,
      requests: 10 + 1 + 1 + 1 + 1 + 7 + 121,
      entities: 6,
    });
  });
});

describe('serving config', () => {
  it('validates arguments and environment with a message naming the field', () => {
    expect(() => parseArgs(['--online', 'redis'])).toThrow(/--redis-url[\s\S]*redisUrl/);
    expect(() => parseArgs(['--alias', 'staging', '--version', '2'])).toThrow(/not both/);
    expect(() => parseArgs([], { FTI_SERVING_RELOAD_TOKEN: 'short' })).toThrow(
      /16 characters[\s\S]*reloadToken/,
    );
    expect(() => parseArgs(['--port', 'x'])).toThrow(/port/);
    const config = parseArgs(['--', '--online-as-of', '2011-12-09'], { FTI_SERVING_PORT: '9000' });
    expect(config).toMatchObject({
      port: 9000,
      online: 'embedded',
      model: 'customer-buys-90d',
      onlineAsOf: '2011-12-09',
    });
  });
});
