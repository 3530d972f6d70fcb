import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteStore } from '../src/store/pglite.js';
import { exportMemorySuite } from './export-memory.js';

exportMemorySuite('PgliteStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'obs-collector-export-'));
  const store = await PgliteStore.open(dir);
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
