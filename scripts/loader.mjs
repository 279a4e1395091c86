// Builds the loader (www/grade-widget.js and its modules in www/loader/) for a package folder:
// grade-widget.js, the one file every page loads (the modules bundled and minified into it),
// and grade-widget-failure.js, the note for a wasm that cannot start, which the loader imports
// only then (bundled apart, with its stylesheet, www/loader/failure.css, minified into it as text).
//
//   node scripts/loader.mjs OUT     (scripts/build.sh: OUT/grade-widget.js and
//                                    OUT/grade-widget-failure.js, plain names, no integrity)
//
// scripts/dist.mjs calls buildFailureNote() and buildLoader(files) instead: the release names the
// content-hashed glue, wasm and failure module, and their SRI hashes, in `__GW_FILES__`.

import { build, transform } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The failure module's plain name, as www/loader/files.js imports it in pkg/. */
export const FAILURE_NOTE = 'grade-widget-failure.js';

const COMMON = { bundle: true, minify: true, format: 'esm', charset: 'utf8', logLevel: 'warning', write: false };

/** `import text from './x.css'`: the stylesheet, minified, as a string. */
const cssText = {
  name: 'css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

async function bundle(entry, options) {
  const { outputFiles } = await build({ ...COMMON, entryPoints: [join(ROOT, entry)], ...options });
  return Buffer.from(outputFiles[0].contents);
}

/** grade-widget-failure.js: www/loader/failure.js and what it imports, as one module. */
export function buildFailureNote() {
  return bundle('www/loader/failure.js', { plugins: [cssText] });
}

/**
 * grade-widget.js. `files` is the release's `__GW_FILES__` ({ glue, wasm, failure, integrity:
 * { glue, wasm, failure } }) or null for plain names. The glue and the failure module stay
 * separate files (external): the loader imports them when it needs them.
 */
export function buildLoader(files = null) {
  return bundle('www/grade-widget.js', {
    external: ['./grade_widget.js', `./${FAILURE_NOTE}`],
    define: { __GW_FILES__: JSON.stringify(files) },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/loader.mjs OUT');
    process.exit(2);
  }
  await writeFile(join(out, 'grade-widget.js'), await buildLoader());
  await writeFile(join(out, FAILURE_NOTE), await buildFailureNote());
}
