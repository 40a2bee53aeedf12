import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { defineEntity } from './entity.js';

describe('defineEntity', () => {
  it('returns the validated definition, frozen and JSON round-trippable', () => {
    const entity = defineEntity({
      name: 'customer',
      joinKeys: [{ name: 'customer_id', type: 'long' }],
      description: 'a retail customer',
      tags: { team: 'growth' },
    });
    expect(entity).toEqual({
      name: 'customer',
      joinKeys: [{ name: 'customer_id', type: 'long' }],
      description: 'a retail customer',
      tags: { team: 'growth' },
    });
    expect(Object.isFrozen(entity)).toBe(true);
    expect(Object.isFrozen(entity.joinKeys[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(entity))).toEqual(entity);
  });

  it.each([
    [{ name: 'Customer', joinKeys: [{ name: 'id', type: 'long' }] }, 'name', /lowercase snake_case/],
    [{ name: 'customer', joinKeys: [] }, 'joinKeys', /at least one join key/],
    [
      { name: 'customer', joinKeys: [{ name: 'id', type: 'uuid' }] },
      'joinKeys[0].type',
      /unknown join key type "uuid"/,
    ],
    [
      {
        name: 'customer',
        joinKeys: [
          { name: 'id', type: 'long' },
          { name: 'id', type: 'string' },
        ],
      },
      'joinKeys[1].name',
      /repeats join key `id`/,
    ],
    [{ name: 'customer', joinKeys: [{ name: 'id', type: 'long' }], colour: 'red' }, '', /colour/],
  ])('rejects %j naming field %s', (input, field, message) => {
    let error: unknown;
    try {
      defineEntity(input as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toMatch(message);
    if (field) expect((error as InvalidInputError).column).toBe(field);
  });
});
