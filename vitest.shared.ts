import { defineConfig } from 'vitest/config';

/**
 * Vitest settings every project shares: workspace packages resolve to their TypeScript sources (the
 * `@fti/source` export condition) and are inlined, so tests never run stale `dist/` builds.
 */
export const sharedVitestConfig = defineConfig({
  resolve: { conditions: ['@fti/source', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@fti/source', 'node', 'import', 'default'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    server: { deps: { inline: [/@fti\//] } },
  },
});
