import { describe, expect, it } from 'vitest';
import { hiveType } from './hive-type.js';

describe('hiveType', () => {
  it('maps Iceberg primitives to the Hive names Glue and Athena show', () => {
    const cases = [
      ['boolean', 'boolean'],
      ['int', 'int'],
      ['long', 'bigint'],
      ['float', 'float'],
      ['double', 'double'],
      ['date', 'date'],
      ['time', 'string'],
      ['timestamp', 'timestamp'],
      ['timestamptz', 'timestamp'],
      ['string', 'string'],
      ['uuid', 'string'],
      ['binary', 'binary'],
      ['decimal(10, 2)', 'decimal(10,2)'],
      ['fixed[16]', 'binary'],
    ] as const;
    expect(cases.map(([iceberg]) => hiveType(iceberg))).toEqual(cases.map(([, hive]) => hive));
  });

  it('spells nested types recursively', () => {
    expect(
      hiveType({
        type: 'struct',
        fields: [
          {
            id: 1,
            name: 'tags',
            required: false,
            type: { type: 'list', elementId: 2, element: 'string', elementRequired: false },
          },
          {
            id: 3,
            name: 'scores',
            required: false,
            type: { type: 'map', keyId: 4, key: 'string', valueId: 5, value: 'double', valueRequired: true },
          },
        ],
      }),
    ).toBe('struct<tags:array<string>,scores:map<string,double>>');
  });
});
