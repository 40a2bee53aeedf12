import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { addColumn, createSchema } from './schema.js';
import { schemaFromJson, schemaToJson, typeFromJson } from './schema-json.js';

describe('createSchema', () => {
  it('assigns field ids 1..n and defaults required to false', () => {
    const schema = createSchema([
      { name: 'customer_id', type: 'long', required: true, doc: 'customer key' },
      { name: 'amount', type: 'double' },
    ]);
    expect(schema).toEqual({
      schemaId: 0,
      fields: [
        { id: 1, name: 'customer_id', required: true, type: 'long', doc: 'customer key' },
        { id: 2, name: 'amount', required: false, type: 'double' },
      ],
    });
  });

  it('rejects bad and duplicate names naming the column', () => {
    expect(() => createSchema([{ name: '1abc', type: 'int' }])).toThrow(/column name `1abc` is invalid/);
    expect(() => createSchema([{ name: 'a-b', type: 'int' }])).toThrow(InvalidInputError);
    expect(() =>
      createSchema([
        { name: 'Amount', type: 'int' },
        { name: 'amount', type: 'int' },
      ]),
    ).toThrow(/`amount` is defined twice/);
    expect(() => createSchema([{ name: 'x', type: 'decimal' as never }])).toThrow(/column `x` is invalid/);
  });
});

describe('addColumn', () => {
  const schema = createSchema([{ name: 'a', type: 'int' }]);

  it('adds an optional column with the next field id as a new schema version', () => {
    const result = addColumn(schema, { name: 'b', type: 'string' }, 1);
    expect(result.lastColumnId).toBe(2);
    expect(result.schema.schemaId).toBe(1);
    expect(result.schema.fields[1]).toEqual({ id: 2, name: 'b', required: false, type: 'string' });
    expect(schema.fields).toHaveLength(1);
    // ids are never reused, even after a column was dropped from a later schema
    expect(addColumn(schema, { name: 'c', type: 'int' }, 7, { schemaId: 4 }).schema.fields[1]?.id).toBe(8);
  });

  it('refuses required and clashing columns', () => {
    expect(() => addColumn(schema, { name: 'b', type: 'int', required: true }, 1)).toThrow(
      /cannot be added as required/,
    );
    expect(() => addColumn(schema, { name: 'A', type: 'int' }, 1)).toThrow(/`A` already exists/);
  });
});

describe('schema JSON', () => {
  it('round-trips nested struct/list/map, decimal and fixed types', () => {
    const json = {
      type: 'struct',
      'schema-id': 3,
      'identifier-field-ids': [1],
      fields: [
        { id: 1, name: 'id', required: true, type: 'long' },
        { id: 2, name: 'price', required: false, type: 'decimal(10, 2)' },
        { id: 3, name: 'hash', required: false, type: 'fixed[16]' },
        {
          id: 4,
          name: 'tags',
          required: false,
          type: { type: 'list', 'element-id': 7, element: 'string', 'element-required': false },
        },
        {
          id: 5,
          name: 'attrs',
          required: false,
          type: {
            type: 'map',
            'key-id': 8,
            key: 'string',
            'value-id': 9,
            value: { type: 'struct', fields: [{ id: 10, name: 'v', required: true, type: 'double' }] },
            'value-required': true,
          },
        },
      ],
    };
    const schema = schemaFromJson(json);
    expect(schema.fields[1]?.type).toBe('decimal(10,2)');
    expect(schema.fields[4]?.type).toEqual({
      type: 'map',
      keyId: 8,
      key: 'string',
      valueId: 9,
      value: { type: 'struct', fields: [{ id: 10, name: 'v', required: true, type: 'double' }] },
      valueRequired: true,
    });
    expect(schemaFromJson(schemaToJson(schema))).toEqual(schema);
    expect(schemaToJson(schema).fields[1]?.type).toBe('decimal(10,2)');
    expect(() => typeFromJson('variant')).toThrow(/unsupported type `variant`/);
  });
});
