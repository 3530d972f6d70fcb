import { MemoryStore } from '../src/store/memory.js';
import { accessSuite } from './access-contract.js';
import { contractSuite } from './contract.js';

contractSuite('MemoryStore', async () => new MemoryStore());
accessSuite('MemoryStore', async () => new MemoryStore());
