import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteStore } from '../src/store/pglite.js';
import { accessSuite } from './access-contract.js';
import { participantProgressSuite } from './participant-progress-contract.js';
import { adaptiveContractSuite } from './adaptive-contract.js';
import { batchSuite } from './batch.js';
import { contractSuite } from './contract.js';
import { linksSuite } from './links-contract.js';
import { paperContractSuite } from './paper-contract.js';
import { modeContractSuite } from './mode-contract.js';
import { sharedLimitSuite } from './shared-limit.js';

let dir = '';
let limitDir = '';
let adaptiveDir = '';
let batchDir = '';
let accessDir = '';
let linksDir = '';
let paperDir = '';
let modeDir = '';
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

adaptiveContractSuite(
  'PgliteStore',
  async () => {
    adaptiveDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-adaptive-'));
    return PgliteStore.open(adaptiveDir);
  },
  async (store) => {
    await store.close();
    await rm(adaptiveDir, { recursive: true, force: true });
  },
);

sharedLimitSuite(
  'PgliteStore',
  async () => {
    limitDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-limit-'));
    const store = await PgliteStore.open(limitDir);
    // One PGlite database takes one process: both "instances" share its store.
    return [store, store];
  },
  async ([store]) => {
    await store!.close();
    await rm(limitDir, { recursive: true, force: true });
  },
);

batchSuite(
  'PgliteStore',
  async () => {
    batchDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-batch-'));
    return PgliteStore.open(batchDir);
  },
  async (store) => {
    await store.close();
    await rm(batchDir, { recursive: true, force: true });
  },
);

accessSuite(
  'PgliteStore',
  async () => {
    accessDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-access-'));
    return PgliteStore.open(accessDir);
  },
  async (store) => {
    await store.close();
    await rm(accessDir, { recursive: true, force: true });
  },
);

linksSuite(
  'PgliteStore',
  async () => {
    linksDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-links-'));
    return PgliteStore.open(linksDir);
  },
  async (store) => {
    await store.close();
    await rm(linksDir, { recursive: true, force: true });
  },
);

let progressDir = '';
participantProgressSuite(
  'PgliteStore',
  async () => {
    progressDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-progress-'));
    return PgliteStore.open(progressDir);
  },
  async (store) => {
    await store.close();
    await rm(progressDir, { recursive: true, force: true });
  },
);

paperContractSuite(
  'PgliteStore',
  async () => {
    paperDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-paper-'));
    return PgliteStore.open(paperDir);
  },
  async (store) => {
    await store.close();
    await rm(paperDir, { recursive: true, force: true });
  },
);

modeContractSuite(
  'PgliteStore',
  async () => {
    modeDir = await mkdtemp(join(tmpdir(), 'obs-collector-pglite-mode-'));
    return PgliteStore.open(modeDir);
  },
  async (store) => {
    await store.close();
    await rm(modeDir, { recursive: true, force: true });
  },
);
