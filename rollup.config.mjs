// The script-tag bundles (docs/loading.md). Input: the packages' compiled ESM (tsc -b).
// - `dist/observatoire.js` is a small classic script, the one `<script>` hosts embed: it imports
//   `observatoire-main.js` (the first screen: `<obs-survey>`, information, the core session) and
//   preloads the questionnaire's chunk beside it; the rest is fetched by phase, in idle time:
//   `observatoire-[name]-[hash].js` chunks for the course chainer and challenge player, results
//   card and outbox, and `observatoire-validate.js`
//   (zod + schemas) for a definition not validated at build time. Every file sits in `dist/`, so
//   chunks resolve against the script's own URL and the commune shards stay in `dist/communes/`;
// - the report element, the dashboard and the content's widgets are separate scripts so they never weigh
//   on the survey bundle. The dashboard's script is a small classic loader too: it imports
//   `observatoire-dashboard-main.js`, which fetches `<obs-report>` (and the content validation, for a
//   definition the build did not check) as chunks of its own, only when they are needed.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, readFileSync } from 'node:fs';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const DIGESTS = 'dist/surveys/digests.json';

/** The shipped content's digests (scripts/build-steps/20-surveys.mjs) replace the empty list. */
const trustedDigests = {
  name: 'trusted-digests',
  load(id) {
    if (!id.endsWith('/survey/trusted-digests.js')) return null;
    if (!existsSync(DIGESTS)) throw new Error(`rollup: ${DIGESTS} is missing (scripts/build-steps/20-surveys.mjs)`);
    return `export const trustedDigests = ${JSON.stringify(JSON.parse(readFileSync(DIGESTS, 'utf8')))};`;
  },
};

/**
 * `dist/observatoire.js`: the classic script that starts the module graph. A classic script's
 * dynamic import resolves against the script's own URL; the first screen's static imports and
 * the questionnaire's file are preloaded at once (modulepreload) so they are not fetched one
 * after the other, and so is the definition of each `<obs-survey definition>` already in the
 * page (as `fetch`, the way `<obs-survey>` asks for it): it comes beside the modules, not after.
 */
const loader = {
  name: 'script-tag-loader',
  generateBundle(_options, bundle) {
    const main = bundle['observatoire-main.js'];
    const questionnaire = Object.values(bundle).find((file) => file.facadeModuleId?.endsWith('/questionnaire/obs-questionnaire.define.js'));
    if (!questionnaire) throw new Error('rollup: the questionnaire is not a chunk of its own (docs/loading.md)');
    const files = new Set([...main.imports, questionnaire.fileName, ...questionnaire.imports.filter((file) => file !== 'observatoire-main.js')]);
    const preload = [...files].map((file) => `'${file}'`).join(',');
    const source = `(()=>{const s=document.currentScript,u=s&&s.src?s.src:document.baseURI,p=(r,h)=>{const l=document.createElement('link');l.rel=r;l.href=h;if(r==='preload'){l.as='fetch';l.crossOrigin='anonymous'}document.head.append(l)};for(const f of[${preload}])p('modulepreload',new URL(f,u).href);for(const e of document.querySelectorAll('obs-survey[definition]'))try{p('preload',new URL(e.getAttribute('definition'),document.baseURI).href)}catch{}import('./observatoire-main.js').catch(e=>console.error('Observatoire:',e))})();\n`;
    this.emitFile({ type: 'asset', fileName: 'observatoire.js', source });
  },
};

const plugins = () => [
  nodeResolve({ exportConditions: ['production', 'default'], browser: true }),
  // lit's html`` and css`` templates: whitespace and comments out (terser leaves strings alone).
  minifyTemplateLiterals(),
  terser({ ecma: 2020, module: true, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, format: { comments: false } }),
];

const survey = {
  input: { 'observatoire-main': 'packages/elements/dist/script-tag.js', 'observatoire-validate': 'packages/core/dist/validate.js' },
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'observatoire-[name]-[hash].js',
    // Code shared by two later phases (a lit directive, the context consumer, the solo sessions)
    // goes into a file they already load rather than into files of a few hundred bytes each (2 KB:
    // the paper form's screens, 3 KB, stay a chunk of their own, fetched only for `channel="paper"`).
    experimentalMinChunkSize: 2048,
    // With a collector, the resume check (the saved sessions read from IndexedDB), the campaign's
    // check and the keeping of the first actions are a file of their own, fetched with the
    // definition, never merged into the first screen's (docs/loading.md).
    manualChunks: (id) =>
      /[\\/]outbox[\\/](unfinished|idb|endpoint|saved-sessions|early)\.js$|[\\/]survey[\\/]campaign-check\.js$/.test(id) ? 'storage' : undefined,
  },
  plugins: [trustedDigests, ...plugins(), loader],
};

/** `dist/observatoire-dashboard.js`: the classic script hosts embed; it starts the dashboard's modules. */
const dashboardLoader = {
  name: 'dashboard-script-tag-loader',
  generateBundle() {
    const source = `import('./observatoire-dashboard-main.js').catch(e=>console.error('Observatoire:',e));\n`;
    this.emitFile({ type: 'asset', fileName: 'observatoire-dashboard.js', source });
  },
};

const dashboard = {
  input: { 'observatoire-dashboard-main': 'packages/elements/dist/dashboard/index.js' },
  // No exports kept on the entry: the code the report's chunk shares with it stays in it (one file, not two).
  preserveEntrySignatures: false,
  output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'observatoire-dashboard-[name]-[hash].js' },
  plugins: [trustedDigests, ...plugins(), dashboardLoader],
};

const scripts = [
  { input: 'packages/elements/dist/report/index.js', file: 'dist/observatoire-report.js', name: 'ObservatoireReport' },
  { input: 'packages/content/dist/src/widgets/index.js', file: 'dist/observatoire-widgets.js', name: 'ObservatoireWidgets' },
].map(({ input, file, name }) => ({
  input,
  output: { file, format: 'iife', name, sourcemap: true, inlineDynamicImports: true },
  plugins: plugins(),
}));

// A missing input is a broken build (a package not compiled, an entry renamed), never a bundle to skip.
const inputs = [...Object.values(survey.input), ...Object.values(dashboard.input), ...scripts.map((bundle) => bundle.input)];
const missing = inputs.filter((input) => !existsSync(input));
if (missing.length) throw new Error(`rollup: missing bundle input(s), run tsc -b first: ${missing.join(', ')}`);

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [survey, dashboard, ...scripts].map((config) => ({ ...config, onwarn }));
