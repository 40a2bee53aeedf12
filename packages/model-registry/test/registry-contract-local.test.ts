import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { describeModelRegistryContract } from '../src/testing/model-registry-contract.js';

describeModelRegistryContract('LocalObjectStore', async () => {
  const root = await mkdtemp(join(tmpdir(), 'fti-registry-'));
  return { store: new LocalObjectStore({ root }), cleanup: () => rm(root, { recursive: true, force: true }) };
});
