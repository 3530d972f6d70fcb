// The self-contained script-tag bundles. Input: the packages' compiled ESM (tsc -b).
// - `dist/observatoire.js` registers every survey element (core runtime included);
// - `dist/observatoire-validate.js` is the content validation (zod + schemas), which
//   `observatoire.js` imports on demand when it loads a survey definition;
// - the report element and the content's widgets are separate scripts so they never weigh
//   on the survey bundle.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync } from 'node:fs';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

const VALIDATE = '@observatoire/core/validate';

/** `import('@observatoire/core/validate')` stays a dynamic import of the sibling file. */
const lazyValidation = {
  name: 'lazy-validation',
  resolveDynamicImport(specifier) {
    // A classic script's dynamic imports resolve against the script's own URL.
    return specifier === VALIDATE ? { id: './observatoire-validate.js', external: true } : null;
  },
};

const plugins = () => [
  nodeResolve({ exportConditions: ['production', 'default'], browser: true }),
  // lit's html`` and css`` templates: whitespace and comments out (terser leaves strings alone).
  minifyTemplateLiterals(),
  terser({ ecma: 2020, module: false, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, format: { comments: false } }),
];

const bundles = [
  { input: 'packages/elements/dist/index.js', file: 'dist/observatoire.js', name: 'Observatoire', format: 'iife', extra: [lazyValidation] },
  { input: 'packages/core/dist/validate.js', file: 'dist/observatoire-validate.js', format: 'es' },
  { input: 'packages/elements/dist/report/index.js', file: 'dist/observatoire-report.js', name: 'ObservatoireReport', format: 'iife' },
  { input: 'packages/content/dist/src/widgets/index.js', file: 'dist/observatoire-widgets.js', name: 'ObservatoireWidgets', format: 'iife' },
];

// A missing input is a broken build (a package not compiled, an entry renamed), never a bundle to skip.
const missing = bundles.filter((bundle) => !existsSync(bundle.input)).map((bundle) => bundle.input);
if (missing.length) throw new Error(`rollup: missing bundle input(s), run tsc -b first: ${missing.join(', ')}`);

export default bundles.map(({ input, file, name, format, extra = [] }) => ({
    input,
    output: { file, format, name, sourcemap: true, inlineDynamicImports: true },
    plugins: [...extra, ...plugins()],
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  }));
