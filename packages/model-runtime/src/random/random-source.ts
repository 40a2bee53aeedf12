/** A source of uniform floats in [0, 1); inject a seeded one (`createMulberry32`) for determinism. */
export type RandomSource = () => number;
