import { MemoryStore } from '../src/store/memory.js';
import { contractSuite } from './contract.js';

contractSuite('MemoryStore', async () => new MemoryStore());
