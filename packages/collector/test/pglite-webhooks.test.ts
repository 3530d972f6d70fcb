/** The webhooks' contract over PGlite, with a restart: the store closed and opened again on its data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteStore } from '../src/store/pglite.js';
import { webhookSuite } from './webhooks-contract.js';

let dir = '';
webhookSuite(
  'PgliteStore',
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-webhooks-'));
    return PgliteStore.open(dir);
  },
  async (store) => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  },
  async (store) => {
    await store.close();
    return PgliteStore.open(dir);
  },
);
