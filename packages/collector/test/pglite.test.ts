import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteStore } from '../src/store/pglite.js';
import { contractSuite } from './contract.js';

let dir = '';
contractSuite(
  'PgliteStore',
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-'));
    return PgliteStore.open(dir);
  },
  async (store) => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  },
);
