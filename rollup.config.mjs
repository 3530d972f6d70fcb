// The self-contained script-tag bundles. Input: the packages' compiled ESM (tsc -b).
// `dist/observatoire.js` registers every survey element; the report element and the
// content's widgets are separate scripts so they never weigh on the survey bundle.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { existsSync } from 'node:fs';

const plugins = () => [
  nodeResolve({ exportConditions: ['production', 'default'], browser: true }),
  // lit's html`` and css`` templates: whitespace and comments out (terser leaves strings alone).
  minifyTemplateLiterals(),
  terser({ ecma: 2020, module: false, format: { comments: false } }),
];

const bundles = [
  { input: 'packages/elements/dist/index.js', file: 'dist/observatoire.js', name: 'Observatoire' },
  { input: 'packages/elements/dist/report/index.js', file: 'dist/observatoire-report.js', name: 'ObservatoireReport' },
  { input: 'packages/content/dist/src/widgets/index.js', file: 'dist/observatoire-widgets.js', name: 'ObservatoireWidgets' },
];

export default bundles
  .filter((bundle) => existsSync(bundle.input))
  .map(({ input, file, name }) => ({
    input,
    output: { file, format: 'iife', name, sourcemap: true, inlineDynamicImports: true },
    plugins: plugins(),
    onwarn(warning, warn) {
      if (warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  }));
