import { MemoryStore } from '../src/store/memory.js';
import { accessSuite } from './access-contract.js';
import { adaptiveContractSuite } from './adaptive-contract.js';
import { contractSuite } from './contract.js';
import { webhookSuite } from './webhooks-contract.js';
import { linksSuite } from './links-contract.js';
import { participantProgressSuite } from './participant-progress-contract.js';
import { paperContractSuite } from './paper-contract.js';
import { modeContractSuite } from './mode-contract.js';

contractSuite('MemoryStore', async () => new MemoryStore());
adaptiveContractSuite('MemoryStore', async () => new MemoryStore());
accessSuite('MemoryStore', async () => new MemoryStore());
webhookSuite('MemoryStore', async () => new MemoryStore());
linksSuite('MemoryStore', async () => new MemoryStore());
participantProgressSuite('MemoryStore', async () => new MemoryStore());
paperContractSuite('MemoryStore', async () => new MemoryStore());
modeContractSuite('MemoryStore', async () => new MemoryStore());
