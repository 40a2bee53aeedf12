import { EmbeddedOnlineStore, loadTable, materializeOnline } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_DATE } from '../testing/scoring-fixture.js';
import { lookupEntityFeatures, toEntityKey } from './lookup-entity-features.js';
import { EntityNotFoundError, InvalidRequestError } from './online-errors.js';
import { openServingFixture, SERVING_VIEW, type ServingFixture } from './serving-fixture.js';

let fixture: ServingFixture;
let store: EmbeddedOnlineStore;
const now = () => Date.parse(`${FEATURE_DATE}T12:00:00Z`);
beforeAll(async () => {
  fixture = await openServingFixture();
  store = await EmbeddedOnlineStore.open({ now });
  const table = await loadTable(fixture.warehouse, { namespace: 'features', name: 'customers_v1' });
  await materializeOnline({ table, store, now });
});
afterAll(async () => {
  await store.close();
  await fixture.close();
});

describe('lookupEntityFeatures', () => {
  it('returns the latest features of each entity, only the model inputs, in request order', async () => {
    const latest = fixture.rows.filter((r) => r.feature_date === FEATURE_DATE);
    const [a, b] = [latest[10]!, latest[3]!];
    const rows = await lookupEntityFeatures({
      store,
      view: SERVING_VIEW,
      entityIds: [a.customer_id, String(b.customer_id)],
      features: ['x1', 'country'],
    });
    expect(rows).toEqual([
      { x1: a.x1, country: a.country ?? null },
      { x1: b.x1, country: b.country ?? null },
    ]);
  });

  it('names unknown entities and malformed ids', async () => {
    const lookup = (ids: (string | number)[]) =>
      lookupEntityFeatures({ store, view: SERVING_VIEW, entityIds: ids, features: ['x1'] });
    await expect(lookup([12_000, 5])).rejects.toThrow(new EntityNotFoundError('customers', [5]).message);
    await expect(lookup([5])).rejects.toThrow(
      'no online features for entity `5` in feature view `customers`; check the id, or send the features in the body',
    );
    expect(() => toEntityKey(SERVING_VIEW, 'abc')).toThrow(InvalidRequestError);
    expect(() => toEntityKey(SERVING_VIEW, 1.5)).toThrow(
      'entityId: must be an integer (join key `customer_id` is long), got 1.5',
    );
    expect(toEntityKey(SERVING_VIEW, '12007')).toEqual({ customer_id: 12_007n });
  });
});
