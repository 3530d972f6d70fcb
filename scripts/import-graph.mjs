// npm run import:graph (and early in npm test): prints the import graph between packages and between
// folders (packages/*/src/<folder>), and fails on any cycle (between packages, folders or files) and
// on any arrow from a lower floor to a higher one. Type-only imports count: a type cycle is a cycle.
// Tests and their fixtures are left out (they may reach anywhere to drive the code).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The floors, low to high: a file may import from its own floor or a lower one. First match wins
 * (paths relative to packages/). A file no rule matches is an error: give it a floor here.
 */
export const FLOORS = [
  { floor: 0, name: 'core', match: /^core\// },
  // Content data: the surveys, their pictures, the data entry, and the widgets' configuration specs
  // the content is checked against (no DOM: the data entry exports them for Node).
  { floor: 1, name: 'content data', match: /^content\/(surveys\/|pictures\/|src\/index\.ts$|src\/widgets\/(specs|[^/]+\/config)\.ts$)/ },
  // The simulated environments, their widget contract (configs) and the shared design tokens.
  { floor: 2, name: 'widgets and tokens', match: /^content\/src\/widgets\/|^theme\// },
  { floor: 3, name: 'elements', match: /^elements\// },
  { floor: 4, name: 'report and collector', match: /^(report|collector)\// },
];

/** Arrows forbidden whatever the floors say (package → package). */
export const FORBIDDEN = [{ from: 'collector', to: 'elements', why: 'the collector runs on servers: no custom elements, no lit' }];

/** Violations tolerated for now, printed as warnings (none: any violation fails). */
export const KNOWN_VIOLATIONS = [];

const isTestFile = (path) => /\.test\.tsx?$|test-helpers\.ts$|test-fixtures\.ts$|\/fixtures\//.test(path);

function listSources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !isTestFile(path)) out.push(path);
  }
  return out;
}

function packagesOf() {
  const packages = new Map();
  for (const dir of readdirSync(join(root, 'packages')).sort()) {
    const manifest = join(root, 'packages', dir, 'package.json');
    if (existsSync(manifest)) packages.set(dir, JSON.parse(readFileSync(manifest, 'utf8')));
  }
  return packages;
}

/** `packages/<pkg>/…` → `<pkg>/…` */
const short = (file) => relative(join(root, 'packages'), file);
const packageOf = (file) => short(file).split('/')[0];

/**
 * The folder a file belongs to: `<pkg>/<folder>` under src, a top-level file by its stem, or the first folder of the package.
 *
 * @example
 * folderOf(`${root}packages/core/src/session/transition.ts`); // 'core/session'
 */
export function folderOf(file) {
  const parts = short(file).split('/');
  if (parts[1] !== 'src') return `${parts[0]}/${parts[1]}`;
  if (parts.length === 3) return `${parts[0]}/${parts[2].replace(/\.[^.]+$/, '')}`;
  return `${parts[0]}/${parts[2]}`;
}

/**
 * The floor rule of a file; throws when no rule of `FLOORS` matches it.
 *
 * @example
 * floorOf(`${root}packages/content/src/index.ts`).name; // 'content data'
 */
export function floorOf(file) {
  const path = short(file);
  const rule = FLOORS.find((candidate) => candidate.match.test(path));
  if (!rule) throw new Error(`packages/${path} has no floor: add it to FLOORS in scripts/import-graph.mjs`);
  return rule;
}

function resolveFile(base) {
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function resolvePackageImport(specifier, packages) {
  const match = /^@observatoire\/([^/]+)(?:\/(.+))?$/.exec(specifier);
  if (!match) return undefined;
  const [, dir, sub] = match;
  const pkg = packages.get(dir);
  if (!pkg) throw new Error(`${specifier}: no package packages/${dir}`);
  const key = sub ? `./${sub}` : '.';
  for (const [pattern, target] of Object.entries(pkg.exports ?? {})) {
    const source = typeof target === 'string' ? target : target.source;
    if (pattern === key) return resolveFile(join(root, 'packages', dir, source));
    if (pattern.endsWith('/*') && key.startsWith(pattern.slice(0, -1))) return resolveFile(join(root, 'packages', dir, source.replace('*', key.slice(pattern.length - 1))));
  }
  throw new Error(`${specifier}: not in the exports of packages/${dir}/package.json`);
}

/**
 * Every import between files of the packages (type-only ones included), as `[from, to]` absolute paths.
 *
 * @example
 * fileEdges().length; // 400
 */
export function fileEdges() {
  const packages = packagesOf();
  const files = [...packages.keys()].flatMap((dir) => (existsSync(join(root, 'packages', dir, 'src')) ? listSources(join(root, 'packages', dir, 'src')) : []));
  const edges = [];
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const target = fileName.startsWith('.') ? resolveFile(join(dirname(file), fileName)) : resolvePackageImport(fileName, packages);
      if (fileName.startsWith('.') && !target) throw new Error(`${short(file)}: cannot resolve "${fileName}"`);
      if (target && target !== file) edges.push([file, target]);
    }
  }
  return edges;
}

/**
 * Strongly connected components with more than one node (Tarjan), each as a cycle path.
 *
 * @example
 * cycles([['a', 'b'], ['b', 'a']]); // [['a', 'b', 'a']]
 */
export function cycles(edges) {
  const graph = new Map();
  for (const [from, to] of edges) {
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from).add(to);
  }
  let index = 0;
  const indexes = new Map();
  const lows = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indexes.set(node, index);
    lows.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)) {
      if (!indexes.has(next)) {
        visit(next);
        lows.set(node, Math.min(lows.get(node), lows.get(next)));
      } else if (onStack.has(next)) lows.set(node, Math.min(lows.get(node), indexes.get(next)));
    }
    if (lows.get(node) !== indexes.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(cyclePath(graph, new Set(component)));
  };
  for (const node of [...graph.keys()].sort()) if (!indexes.has(node)) visit(node);
  return found;
}

/** One readable cycle inside a component: from its smallest node, breadth-first back to it. */
function cyclePath(graph, component) {
  const start = [...component].sort()[0];
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of [...graph.get(node)].sort()) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]));
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

function grouped(edges, key) {
  const arrows = new Map();
  for (const [from, to] of edges) {
    const a = key(from);
    const b = key(to);
    if (a === b) continue;
    if (!arrows.has(a)) arrows.set(a, new Set());
    arrows.get(a).add(b);
  }
  return arrows;
}

/**
 * The graph and its violations: `{ packages, folders, violations }`, each violation a stable sentence.
 *
 * @example
 * const { violations } = analyse();
 */
export function analyse() {
  const edges = fileEdges();
  const packages = grouped(edges, packageOf);
  const folders = grouped(edges, folderOf);
  const violations = new Set();
  for (const [from, to] of edges) {
    const a = floorOf(from);
    const b = floorOf(to);
    if (a.floor < b.floor) violations.add(`floor: ${folderOf(from)} (${a.name}) → ${folderOf(to)} (${b.name})`);
  }
  // A package is installed whole: what its package.json pulls in must not sit above its main entry.
  // An optional peer is not pulled in (the content's widgets entry asks its host for lit and the theme).
  const manifests = packagesOf();
  for (const [dir, pkg] of manifests) {
    const main = resolvePackageImport(pkg.name, manifests);
    if (!main) continue;
    const optional = (name) => pkg.peerDependenciesMeta?.[name]?.optional === true;
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((name) => name.startsWith('@observatoire/') && !optional(name));
    for (const name of declared) {
      const target = resolvePackageImport(name, manifests);
      if (target && floorOf(main).floor < floorOf(target).floor)
        violations.add(`package floor: ${dir} (${floorOf(main).name}) → ${packageOf(target)} (package.json dependencies)`);
      for (const rule of FORBIDDEN) if (rule.from === dir && `@observatoire/${rule.to}` === name) violations.add(`forbidden: ${dir} → ${rule.to}, declared in package.json (${rule.why})`);
    }
  }
  for (const [from, to] of edges)
    for (const rule of FORBIDDEN) if (packageOf(from) === rule.from && packageOf(to) === rule.to) violations.add(`forbidden: ${short(from)} → ${short(to)} (${rule.why})`);
  const byPackage = edges.map(([from, to]) => [packageOf(from), packageOf(to)]);
  for (const cycle of cycles(byPackage)) violations.add(`cycle of packages: ${cycle.join(' → ')}`);
  for (const cycle of cycles(edges.map(([from, to]) => [folderOf(from), folderOf(to)]))) violations.add(`cycle of folders: ${cycle.join(' → ')}`);
  for (const cycle of cycles(edges)) violations.add(`cycle of files: ${cycle.map(short).join(' → ')}`);
  return { packages, folders, violations: [...violations].sort() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { packages, folders, violations } = analyse();
  const print = (title, arrows) => {
    console.log(`\n${title}`);
    for (const from of [...arrows.keys()].sort()) console.log(`  ${from} → ${[...arrows.get(from)].sort().join(', ')}`);
  };
  print('Packages', packages);
  print('Folders (packages/*/src/<folder>)', folders);
  const known = new Set(KNOWN_VIOLATIONS);
  const unexpected = violations.filter((violation) => !known.has(violation));
  const gone = KNOWN_VIOLATIONS.filter((violation) => !violations.includes(violation));
  console.log('');
  for (const violation of violations.filter((v) => known.has(v))) console.warn(`warning (known, temporary): ${violation}`);
  for (const violation of gone) console.warn(`note: the known violation "${violation}" is gone: remove it from KNOWN_VIOLATIONS`);
  for (const violation of unexpected) console.error(`error: ${violation}`);
  if (unexpected.length > 0) {
    console.error(`\n${unexpected.length} import graph violation(s): imports go from a floor to the same or a lower one (${FLOORS.map((f) => f.name).join(' < ')}), without cycles.`);
    process.exit(1);
  }
  console.log('Import graph: no cycle, no arrow up a floor' + (violations.length ? ` (besides ${violations.length} known, temporary)` : '') + '.');
}
