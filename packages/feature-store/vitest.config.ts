import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../vitest.shared.js';

// Commit races on moto_server and the 8-writer reliability runs need more than the shared 60 s on 2 cores.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } }),
);
