import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors.js';
import { parseTtl } from './parse-ttl.js';

const day = 86_400_000;

describe('parseTtl', () => {
  it.each([
    ['P90D', 90 * day],
    ['P2W', 14 * day],
    ['PT12H', 12 * 3_600_000],
    ['P1DT6H30M', day + 6 * 3_600_000 + 30 * 60_000],
    ['PT45S', 45_000],
    ['PT0.5S', 500],
    ['PT1M', 60_000],
  ])('parses %s to %d ms', (ttl, ms) => {
    expect(parseTtl(ttl)).toBe(ms);
  });

  it.each([
    ['P1Y', /years or months.*P365D/],
    ['P3M', /years or months/],
    ['P0D', /longer than zero/],
    ['P', /not an ISO-8601 duration/],
    ['P1DT', /not an ISO-8601 duration/],
    ['90 days', /not an ISO-8601 duration/],
    ['-P1D', /not an ISO-8601 duration/],
    ['P1W2D', /not an ISO-8601 duration/],
  ])('rejects %s', (ttl, message) => {
    expect(() => parseTtl(ttl)).toThrow(InvalidInputError);
    expect(() => parseTtl(ttl)).toThrow(message);
  });
});
