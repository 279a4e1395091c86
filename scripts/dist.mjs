// The release a web team hosts: `make dist` (after `make build`) writes
// dist/grade-widget-<version>/ and dist/grade-widget-<version>.tgz (`npm pack` of that folder).
//
// A site keeps one folder per release, named by its version (/assets/grade-widget/0.1.0/), and
// never changes a folder once uploaded: a page's snippet names one release's folder, so uploading
// the next release beside it breaks no page, and a page moves to the new release when its snippet
// is changed (docs/hosting.md, "Upgrading"). The loader, grade-widget.js, is the one file host
// pages reference; it finds the rest beside itself. The glue and the wasm (and the note for a wasm
// that cannot start) also get a content hash in their names; the loader is built knowing those
// names and their SRI hashes (scripts/loader.mjs, `__GW_FILES__`, read in www/loader/files.js).
// integrity.json lists the SRI sha384 of every file; snippet.html holds the tags to paste, made by
// www/builder-embed.js (the module the report builder writes its code with): the script tag with
// `integrity` and `crossorigin`, and the iframe embed, embed.html with its hashed script and
// the optional host script. builder/ holds the report builder, so hosting the release hosts it
// too; hosting.md is the hosting guide.
//
//   node scripts/dist.mjs        (DIST_BASE_URL=https://assets.example.org/grade-widget/ sets
//                                 where the site keeps its release folders, which the snippet
//                                 names with the version after it; default /assets/grade-widget/;
//                                 DIST_EMBED_ORIGINS="https://data.example.org" lets embed.html
//                                 show reports from those origins too; DIST_VERSION and DIST_DIR
//                                 make a release of another version, in another folder, for the
//                                 upgrade test, tests/e2e/upgrade.spec.mjs)

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELEASE_BASE, releaseFolder, releaseSnippets, snippetHtml } from '../www/builder-embed.js';
import { buildFailureNote, buildLoader } from './loader.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const at = (...parts) => join(ROOT, ...parts);

/** Stops with a message that says what is wrong and what to do. */
function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

/**
 * The version: Cargo.toml's [package] version, which pkg/package.json must repeat. DIST_VERSION
 * overrides it, for the upgrade test's second release.
 */
export function version() {
  const override = process.env.DIST_VERSION;
  if (override) {
    if (!/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(override)) fail(`DIST_VERSION=${override} is not a version (e.g. 0.1.1)`);
    return override;
  }
  const cargo = readFileSync(at('Cargo.toml'), 'utf8');
  const section = cargo.split(/^\[/m).find((s) => s.startsWith('package]'));
  const fromCargo = section && /^version\s*=\s*"([^"]+)"/m.exec(section)?.[1];
  if (!fromCargo) fail('Cargo.toml has no [package] version');
  const fromPkg = JSON.parse(readFileSync(at('pkg/package.json'), 'utf8')).version;
  if (fromPkg !== fromCargo) {
    fail(`Cargo.toml says version ${fromCargo} but pkg/package.json says ${fromPkg}: make them agree`);
  }
  return fromCargo;
}

/** The first 8 hex digits of the SHA-256 of a file's bytes: its name's content hash. */
const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);
/** Subresource Integrity metadata, as `integrity` attributes and fetch() take it. */
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * How long a browser may keep each file. A release folder's address names its version and the
 * folder never changes once uploaded, so its files can be kept for ever, the loader too; all but
 * embed.html, which a site may edit after uploading (its allowed origins), so browsers ask again
 * after five minutes.
 */
export function cacheControl(file) {
  return file === 'embed.html' ? 'public, max-age=300' : 'public, max-age=31536000, immutable';
}

/** Every file under `dir`, as sorted paths relative to it with `/` between folders. */
export function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).split('\\').join('/'))
    .sort();
}

async function main() {
  const ver = version();
  for (const file of ['grade_widget.js', 'grade_widget_bg.wasm', 'grade-widget.d.ts', 'builder/grade_widget_builder_bg.wasm']) {
    if (!existsSync(at('pkg', file))) fail(`pkg/${file} is missing: run make build first`);
  }
  const name = `grade-widget-${ver}`;
  const distDir = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : at('dist');
  const out = join(distDir, name);
  rmSync(out, { recursive: true, force: true });
  rmSync(join(distDir, `${name}.tgz`), { force: true });
  mkdirSync(out, { recursive: true });

  // The wasm first, then the glue with its default wasm name changed to the hashed one (the loader
  // passes the wasm's URL, but the glue's own default should name a file that exists), then the
  // glue's hash over that text.
  const wasm = readFileSync(at('pkg/grade_widget_bg.wasm'));
  const wasmName = `grade_widget_bg.${contentHash(wasm)}.wasm`;
  const glueText = readFileSync(at('pkg/grade_widget.js'), 'utf8');
  const defaults = (glueText.match(/(['"])grade_widget_bg\.wasm\1/g) ?? []).length;
  if (defaults !== 1) fail(`expected one reference to grade_widget_bg.wasm in pkg/grade_widget.js, found ${defaults}`);
  const glue = Buffer.from(glueText.replace(/(['"])grade_widget_bg\.wasm\1/, `$1${wasmName}$1`));
  const glueName = `grade_widget.${contentHash(glue)}.js`;
  writeFileSync(join(out, wasmName), wasm);
  writeFileSync(join(out, glueName), glue);

  // The failure note (imported by the loader only when the wasm cannot start) gets a hashed name
  // too; then the loader, built as scripts/build.sh builds it, with the hashed names and hashes in.
  const note = await buildFailureNote();
  const noteName = `grade-widget-failure.${contentHash(note)}.js`;
  writeFileSync(join(out, noteName), note);
  const files = {
    glue: `./${glueName}`, wasm: `./${wasmName}`, failure: `./${noteName}`,
    integrity: { glue: sri(glue), wasm: sri(wasm), failure: sri(note) },
  };
  // The loader's first line names its release: `curl` shows which release a site serves, and no
  // two releases' loaders have the same bytes (or the same integrity hash).
  writeFileSync(join(out, 'grade-widget.js'), Buffer.concat([Buffer.from(`/*! grade-widget ${ver} */\n`), await buildLoader(files)]));
  const loader = readFileSync(join(out, 'grade-widget.js'), 'utf8');
  for (const expected of [glueName, wasmName, noteName, ...Object.values(files.integrity)]) {
    if (!loader.includes(expected)) fail(`the built loader does not name ${expected}`);
  }

  const embed = writeEmbed(out);
  writeBuilder(out);

  copyFileSync(at('pkg/grade-widget.d.ts'), join(out, 'grade-widget.d.ts'));
  copyFileSync(at('www/schema/report.schema.json'), join(out, 'report.schema.json'));
  for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(at(licence), join(out, licence));
  writeFileSync(join(out, 'hosting.md'), hostingGuide());

  const pkg = JSON.parse(readFileSync(at('pkg/package.json'), 'utf8'));
  const listed = [
    'grade-widget.js', glueName, wasmName, noteName, 'grade-widget.d.ts', 'report.schema.json',
    'embed.html', embed.script, embed.host, 'builder/',
    'README.md', 'hosting.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'integrity.json', 'snippet.html',
  ];
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({
    ...pkg,
    version: ver,
    exports: {
      '.': { types: './grade-widget.d.ts', default: './grade-widget.js' },
      './report.schema.json': './report.schema.json',
      './integrity.json': './integrity.json',
    },
    files: listed.filter((f) => f !== 'README.md').map((f) => f.replace(/\/$/, '')),
  }, null, 2)}\n`);

  // One snippet, written by the module the report builder uses (www/builder-embed.js).
  const folder = releaseFolder(process.env.DIST_BASE_URL || RELEASE_BASE, ver);
  const snippetArgs = {
    version: ver, folder, integrity: sri(readFileSync(join(out, 'grade-widget.js'))),
    host: { name: embed.host, integrity: embed.hostIntegrity },
  };
  writeFileSync(join(out, 'snippet.html'), snippetHtml(snippetArgs));
  const snippets = releaseSnippets(snippetArgs);

  const table = [...listed, 'package.json']
    .map((f) => `| \`${f}\` | ${describe(f)} | \`${cacheControl(f === 'builder/' ? 'builder/index.html' : f)}\` |`)
    .join('\n');
  const readme = readFileSync(at('scripts/dist-readme.md'), 'utf8')
    .replaceAll('{{version}}', ver)
    .replaceAll('{{folder}}', folder)
    .replace('{{files}}', table)
    .replace('{{snippet}}', snippets.script.trim())
    .replace('{{iframe}}', `${snippets.iframe}${snippets.host}`.trim())
    .replaceAll('{{glue}}', glueName)
    .replaceAll('{{wasm}}', wasmName);
  const leftover = /\{\{[a-z]+\}\}/.exec(readme);
  if (leftover) fail(`scripts/dist-readme.md has an unknown field ${leftover[0]}`);
  writeFileSync(join(out, 'README.md'), readme);

  // Last: the integrity of every other file in the folder.
  const manifest = { name: pkg.name, version: ver, files: {} };
  for (const f of filesUnder(out)) {
    const bytes = readFileSync(join(out, f));
    manifest.files[f] = { integrity: sri(bytes), bytes: bytes.length, cacheControl: cacheControl(f) };
  }
  writeFileSync(join(out, 'integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const packed = JSON.parse(execFileSync('npm', ['pack', out, '--pack-destination', distDir, '--ignore-scripts', '--json'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }))[0];
  const inTarball = packed.files.map((f) => f.path).sort();
  const inFolder = filesUnder(out);
  if (JSON.stringify(inTarball) !== JSON.stringify(inFolder)) {
    fail(`the tarball holds ${inTarball.join(', ')} but the folder holds ${inFolder.join(', ')}`);
  }
  if (packed.filename !== `${name}.tgz`) fail(`npm pack wrote ${packed.filename}, expected ${name}.tgz`);
  console.log(`dist: ${relative(ROOT, out)}/ (${inFolder.length} files) and ${packed.filename} (${packed.size.toLocaleString('en-GB')} bytes)`);
  for (const f of inFolder) console.log(`  ${f.padEnd(42)} ${String(statSync(join(out, f)).size).padStart(8)}  ${cacheControl(f)}`);
  console.log(`dist: upload the folder's files to ${folder} (a new folder per release; leave the old ones in place)`);
}

/**
 * The report builder in builder/ (its page as index.html, its modules and styles, its own wasm
 * bundle from pkg/builder/), so hosting the release hosts the builder: it runs from the release
 * folder with no toolchain. The page and its worker name the widget's loader and the builder's
 * bundle where they are in the repository; here they are beside it or one folder up. The page
 * gets the strict policy it is served with in the repository as a meta tag, for hosts that
 * cannot set headers, and loses its link to the demo, which the release does not hold.
 */
function writeBuilder(out) {
  const dir = join(out, 'builder');
  mkdirSync(dir);
  const swap = (file, text, swaps) => {
    for (const [from, to] of swaps) {
      if (!text.includes(from)) fail(`www/${file} no longer has ${from}: update writeBuilder in scripts/dist.mjs`);
      text = text.replace(from, to);
    }
    return text;
  };
  const page = swap('builder.html', readFileSync(at('www/builder.html'), 'utf8'), [
    ['<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${BUILDER_CSP}">`],
    ['src="../pkg/grade-widget.js"', 'src="../grade-widget.js"'],
  ]);
  const demoLink = /\n\s*<li><a href="\.\.\/index\.html"[^\n]*<\/li>/;
  if (!demoLink.test(page)) fail('www/builder.html no longer links ../index.html: update writeBuilder in scripts/dist.mjs');
  writeFileSync(join(dir, 'index.html'), page.replace(demoLink, ''));
  const own = readdirSync(at('www')).filter((f) => /^builder[\w-]*\.(js|css)$/.test(f) && f !== 'builder-worker.js');
  for (const f of [...own, 'demo.css']) copyFileSync(at('www', f), join(dir, f));
  writeFileSync(join(dir, 'builder-worker.js'), swap('builder-worker.js', readFileSync(at('www/builder-worker.js'), 'utf8'), [
    ["'../pkg/builder/grade_widget_builder.js'", "'./grade_widget_builder.js'"],
    ["'../pkg/builder/grade_widget_builder_bg.wasm'", "'./grade_widget_builder_bg.wasm'"],
  ]));
  for (const f of ['grade_widget_builder.js', 'grade_widget_builder_bg.wasm']) copyFileSync(at('pkg/builder', f), join(dir, f));
}

/** The report builder's policy, as scripts/serve.mjs sends it with www/builder.html. */
const BUILDER_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; worker-src 'self'";

/**
 * docs/hosting.md for the release folder: its links to the project's other documents become
 * their names (the release does not hold them), the builder's its folder here.
 */
function hostingGuide() {
  const text = readFileSync(at('docs/hosting.md'), 'utf8')
    .replace(/\[([^\]]+)\]\(builder\.md\)/g, (_, label) => `[${/\.md$/.test(label) ? 'the report builder' : label}](builder/)`)
    .replace(/\[([^\]]+)\]\(([a-z-]+\.md)(#[\w-]+)?\)/gi, (_, label, doc) => (/\.md$/.test(label) ? `the project's docs/${doc}` : `${label} in the project's docs/${doc}`));
  return `<!-- The hosting guide of grade-widget, copied from the project's docs/hosting.md by make dist. -->\n${text}`;
}

/** Minified JS of a file under www/ (esbuild, as for the loader), as bytes. */
function minified(file) {
  return execFileSync(at('node_modules/.bin/esbuild'), [
    at('www', file), '--minify', '--format=esm', '--charset=utf8', '--log-level=warning',
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * The iframe embed: embed.html (a stable name, like the loader: host pages frame it), its script
 * and the optional host script under content-hashed names. embed.html names its script with
 * `integrity`, but not the loader: a cached embed.html must keep working with a newer loader
 * uploaded beside it, which checks the glue and the wasm itself. DIST_EMBED_ORIGINS (origins,
 * space-separated) adds report origins to embed.html's connect-src, its allowed-origins setting.
 */
function writeEmbed(out) {
  const hashed = (file, stem) => {
    const bytes = minified(file);
    const name = `${stem}.${contentHash(bytes)}.js`;
    writeFileSync(join(out, name), bytes);
    return { name, integrity: sri(bytes) };
  };
  const script = hashed('embed.js', 'embed');
  const host = hashed('embed-host.js', 'embed-host');
  const origins = (process.env.DIST_EMBED_ORIGINS ?? '').split(/\s+/).filter(Boolean).map((o) => {
    let url;
    try {
      url = new URL(o);
    } catch {
      fail(`DIST_EMBED_ORIGINS: ${o} is not an origin (write it as https://data.example.org)`);
    }
    if (url.origin !== o.replace(/\/$/, '')) fail(`DIST_EMBED_ORIGINS: ${o} is not an origin (write it as ${url.origin})`);
    return url.origin;
  });
  let html = readFileSync(at('www/embed.html'), 'utf8');
  const swaps = [
    ['src="../pkg/grade-widget.js"', 'src="grade-widget.js"'],
    ['src="embed.js"', `src="${script.name}" integrity="${script.integrity}"`],
  ];
  for (const [from, to] of swaps) {
    if (!html.includes(from)) fail(`www/embed.html no longer has ${from}`);
    html = html.replace(from, to);
  }
  writeFileSync(join(out, 'embed.html'), allowOrigins(html, origins) ?? fail("www/embed.html's policy has no connect-src 'self'"));
  return { script: script.name, host: host.name, hostIntegrity: host.integrity };
}

/**
 * embed.html with more origins in its policy's connect-src (its allowed-origins setting), or
 * undefined when its meta tag has no `connect-src 'self'`. Only the meta tag's: the page's
 * comments quote the directive too.
 */
export function allowOrigins(html, origins) {
  const meta = /(<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self')/;
  if (!meta.test(html)) return undefined;
  return html.replace(meta, (found) => [found, ...origins].join(' '));
}

/** One line on what each file is, for the package README. */
function describe(file) {
  if (file === 'grade-widget.js') return 'the loader: defines `<grade-widget>` and exports `mount()`; the one file pages name, and it finds the others beside itself. Its first line names the release';
  if (file === 'builder/') return 'the report builder (open `builder/` in a browser, as `builder/index.html`): a report\'s text to the widget\'s JSON, the code for your page and the pre-rendered markup, with a live preview, in the browser; its own extractor bundle is in the folder';
  if (file.endsWith('.wasm')) return 'the widget itself (WebAssembly: the compiled program, with its stylesheet and its English and Welsh words)';
  if (file.startsWith('grade_widget.')) return 'the JavaScript that connects the loader and the wasm (made by wasm-bindgen)';
  if (file.startsWith('embed-host.')) return 'optional script for pages that frame `embed.html`: sizes each frame, fires its events on the `<iframe>`';
  if (file.startsWith('embed.') && file.endsWith('.js')) return 'the script of `embed.html`';
  if (file.startsWith('grade-widget-failure.')) return 'the note shown when the wasm cannot start; the loader fetches it only then';
  return {
    'grade-widget.d.ts': 'TypeScript types for the element, `mount()`, its options and events',
    'report.schema.json': 'JSON Schema (draft 2020-12) of the report format',
    'LICENSE-MIT': 'the MIT licence',
    'LICENSE-APACHE': 'the Apache License 2.0',
    'snippet.html': 'the tags to paste, with the loader\'s `integrity`, and the iframe embed',
    'embed.html': 'the iframe embed: one widget in a page of its own, for pages that cannot carry scripts',
    'package.json': 'npm metadata',
    'README.md': 'this file',
    'hosting.md': 'the hosting guide: headers, caching, the Content-Security-Policy, server examples, upgrading',
    'integrity.json': 'the integrity hash (sha384, as `integrity` attributes take it), size and `Cache-Control` of every other file',
  }[file] ?? fail(`no description for ${file}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
