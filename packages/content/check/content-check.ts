/** `npm run content:check`: check every shipped definition, print a summary per instrument, exit 1 on any problem. */
import { fileURLToPath } from 'node:url';
import { checkContent } from './check.js';

const dir = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const { problems, summaries } = checkContent(dir);
console.log(summaries.join('\n\n'));
if (problems.length > 0) {
  console.error(`\n${problems.length} content problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exitCode = 1;
} else console.log('\nContent check: no problem.');
