// Angular ahead of time, without the Angular CLI, for examples/angular (examples/angular/README.md):
// `ngc` compiles the component and its template (type-checking it), and the Angular linker turns
// the framework packages' partial declarations (`ɵɵngDeclare…`) into definitions while esbuild
// bundles them. Nothing is left for a compiler in the browser, so the page needs no 'unsafe-eval'.
import { transformAsync } from '@babel/core';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/**
 * Compiles a project with ngc into its `outDir`; returns nothing, throws on a type or template error.
 * @example ngc('examples/angular/tsconfig.json') // writes examples/angular/dist/ngc/app.js
 * @param {string} tsconfig Path of the project's tsconfig.json.
 */
export function ngc(tsconfig) {
  execFileSync(join(root, 'node_modules/.bin/ngc'), ['-p', tsconfig], { cwd: root, stdio: 'inherit' });
}

/** The esbuild plugin that links the `@angular/*` packages as they are bundled. */
export const angularLinker = {
  name: 'angular-linker',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@angular[\\/].+\.m?js$/ }, async ({ path }) => {
      const [{ needsLinking }, { default: linkerPlugin }] = await Promise.all([
        import('@angular/compiler-cli/linker'),
        import('@angular/compiler-cli/linker/babel'),
      ]);
      const code = await readFile(path, 'utf8');
      if (!needsLinking(path, code)) return { contents: code, loader: 'js' };
      const linked = await transformAsync(code, {
        filename: path,
        babelrc: false,
        configFile: false,
        compact: false,
        sourceMaps: 'inline',
        plugins: [[linkerPlugin, { linkerJitMode: false }]],
      });
      return { contents: linked?.code ?? code, loader: 'js' };
    });
  },
};

/** The Angular CLI's production globals: no dev-mode checks, no JIT. */
export const ANGULAR_DEFINES = { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' };
