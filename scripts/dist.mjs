// The release a web team hosts: `make dist` (after `make build`) writes
// dist/grade-widget-<version>/ and dist/grade-widget-<version>.tgz (`npm pack` of that folder).
//
// The loader keeps its stable name, grade-widget.js: the one URL host pages reference. The glue
// and the wasm (and the note for a wasm that cannot start) get a content hash in their names, so
// they can be cached for ever and a new release never collides with an old one; the loader is
// built knowing those names and their SRI hashes (scripts/loader.mjs, `__GW_FILES__`, read in
// www/loader/files.js). integrity.json lists the SRI sha384 of every file; snippet.html is the
// tag to paste, with `integrity` and `crossorigin`, and the iframe embed: embed.html (the other
// stable name, for pages that cannot carry scripts), its script and the optional host script,
// both content-hashed.
//
//   node scripts/dist.mjs        (DIST_BASE_URL=https://assets.example.org/grade-widget/ sets the
//                                 address the snippet points at; default /grade-widget/;
//                                 DIST_EMBED_ORIGINS="https://data.example.org" lets embed.html
//                                 show reports from those origins too)

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFailureNote, buildLoader } from './loader.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const at = (...parts) => join(ROOT, ...parts);

/** Stops with a message that says what is wrong and what to do. */
function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

/** The version: Cargo.toml's [package] version, which pkg/package.json must repeat. */
export function version() {
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

/** How long a browser may keep each file: for ever when its name changes with its content. */
export function cacheControl(file) {
  return /\.[0-9a-f]{8}\.(js|wasm)$/.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
}

async function main() {
  const ver = version();
  for (const file of ['grade_widget.js', 'grade_widget_bg.wasm', 'grade-widget.d.ts']) {
    if (!existsSync(at('pkg', file))) fail(`pkg/${file} is missing: run make build first`);
  }
  const name = `grade-widget-${ver}`;
  const out = at('dist', name);
  rmSync(out, { recursive: true, force: true });
  rmSync(at('dist', `${name}.tgz`), { force: true });
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
  writeFileSync(join(out, 'grade-widget.js'), await buildLoader(files));
  const loader = readFileSync(join(out, 'grade-widget.js'), 'utf8');
  for (const expected of [glueName, wasmName, noteName, ...Object.values(files.integrity)]) {
    if (!loader.includes(expected)) fail(`the built loader does not name ${expected}`);
  }

  const embed = writeEmbed(out);

  copyFileSync(at('pkg/grade-widget.d.ts'), join(out, 'grade-widget.d.ts'));
  copyFileSync(at('www/schema/report.schema.json'), join(out, 'report.schema.json'));
  for (const licence of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(at(licence), join(out, licence));

  const pkg = JSON.parse(readFileSync(at('pkg/package.json'), 'utf8'));
  const listed = [
    'grade-widget.js', glueName, wasmName, noteName, 'grade-widget.d.ts', 'report.schema.json',
    'embed.html', embed.script, embed.host,
    'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'integrity.json', 'snippet.html',
  ];
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({
    ...pkg,
    exports: {
      '.': { types: './grade-widget.d.ts', default: './grade-widget.js' },
      './report.schema.json': './report.schema.json',
      './integrity.json': './integrity.json',
    },
    files: listed.filter((f) => f !== 'README.md'),
  }, null, 2)}\n`);

  const base = process.env.DIST_BASE_URL || '/grade-widget/';
  const loaderSri = sri(readFileSync(join(out, 'grade-widget.js')));
  const snippet = `<!-- grade-widget ${ver}: paste into your page; set src to your report's address and the link
     inside the element to the report itself (shown when the widget cannot run). -->
<script type="module" src="${base.replace(/\/?$/, '/')}grade-widget.js"
        integrity="${loaderSri}" crossorigin="anonymous"></script>
<grade-widget src="/reports/inspection-report.json">
  <a href="/reports/inspection-report.pdf">Read the inspection report</a>
</grade-widget>
`;
  const frameSnippet = iframeSnippet(base, embed);
  writeFileSync(join(out, 'snippet.html'), `${snippet}\n${frameSnippet}`);

  const table = [...listed, 'package.json']
    .map((f) => `| \`${f}\` | ${describe(f)} | \`${cacheControl(f)}\` |`)
    .join('\n');
  const readme = readFileSync(at('scripts/dist-readme.md'), 'utf8')
    .replaceAll('{{version}}', ver)
    .replace('{{files}}', table)
    .replace('{{snippet}}', snippet.trim())
    .replace('{{iframe}}', frameSnippet.trim())
    .replaceAll('{{glue}}', glueName)
    .replaceAll('{{wasm}}', wasmName);
  const leftover = /\{\{[a-z]+\}\}/.exec(readme);
  if (leftover) fail(`scripts/dist-readme.md has an unknown field ${leftover[0]}`);
  writeFileSync(join(out, 'README.md'), readme);

  // Last: the integrity of every other file in the folder.
  const manifest = { name: pkg.name, version: ver, files: {} };
  for (const f of readdirSync(out).sort()) {
    const bytes = readFileSync(join(out, f));
    manifest.files[f] = { integrity: sri(bytes), bytes: bytes.length, cacheControl: cacheControl(f) };
  }
  writeFileSync(join(out, 'integrity.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const packed = JSON.parse(execFileSync('npm', ['pack', out, '--pack-destination', at('dist'), '--ignore-scripts', '--json'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }))[0];
  const inTarball = packed.files.map((f) => f.path).sort();
  const inFolder = readdirSync(out).sort();
  if (JSON.stringify(inTarball) !== JSON.stringify(inFolder)) {
    fail(`the tarball holds ${inTarball.join(', ')} but the folder holds ${inFolder.join(', ')}`);
  }
  if (packed.filename !== `${name}.tgz`) fail(`npm pack wrote ${packed.filename}, expected ${name}.tgz`);
  console.log(`dist: dist/${name}/ (${inFolder.length} files) and dist/${packed.filename} (${packed.size.toLocaleString('en-GB')} bytes)`);
  for (const f of inFolder) console.log(`  ${f.padEnd(34)} ${String(statSync(join(out, f)).size).padStart(8)}  ${cacheControl(f)}`);
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

/** The iframe way to embed, for snippet.html and the package README. */
function iframeSnippet(base, embed) {
  const dir = base.replace(/\/?$/, '/');
  return `<!-- Or, where your pages cannot carry scripts: the iframe embed. Set src= after embed.html?
     to your report's address (on the same site as embed.html, unless its policy allows another),
     and the title to the force and the report. More settings: view, area, lang, theme,
     heading-level, area-href, deep-link (docs/hosting.md, "The iframe embed"). -->
<iframe src="${dir}embed.html?src=/reports/inspection-report.json"
        title="Inspection grades: Force name, report name" width="100%" height="900"
        frameborder="0" loading="lazy"></iframe>
<!-- Optional, on pages that can carry one script: sizes every embed frame to its content, and
     fires load, select and error on each <iframe>. -->
<script type="module" src="${dir}${embed.host}"
        integrity="${embed.hostIntegrity}" crossorigin="anonymous"></script>
`;
}

/** One line on what each file is, for the package README. */
function describe(file) {
  if (file === 'grade-widget.js') return 'the loader: defines `<grade-widget>` and exports `mount()`; the one URL pages reference';
  if (file.endsWith('.wasm')) return 'the widget itself (WebAssembly: Yew app, stylesheet, English and Welsh)';
  if (file.startsWith('grade_widget.')) return 'wasm-bindgen glue between the loader and the wasm';
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
    'integrity.json': 'the SRI sha384 hash, size and `Cache-Control` of every other file',
  }[file] ?? fail(`no description for ${file}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
