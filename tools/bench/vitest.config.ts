import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@fti/source'] },
  test: {
    testTimeout: 60_000,
    include: ['src/**/*.test.ts'],
    pool: 'forks',
  },
});
