/**
 * @observatoire/report: the `observatoire report` command and the Node-only geography lookup.
 * @packageDocumentation
 */
export { territoriesOf, territoryNames, type Territories } from './geography.js';
export { parseMarginsFile, type MarginUnit } from './margins-file.js';
export { renderHtml, renderMarkdown } from './render.js';
export { main } from './cli.js';
