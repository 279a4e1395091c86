// The release folder (make dist) on a second origin, and host pages for it on the first, for
// dist.spec.mjs. The second origin serves the folder three ways: /cors/ with CORS and the
// Cache-Control that docs/hosting.md recommends, /plain/ with the same caching but no CORS
// header, /tampered/ with CORS but a glue file changed after its hash was taken, and /broken/
// with the failure note's module changed too. For the iframe embed (iframe.spec.mjs) it also
// serves the demo's reports at /reports/, so that reports on the embed page's own origin exist,
// and the first origin has /iframe-host.html to frame it.

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { TYPES } from '../../scripts/serve.mjs';
import { allowOrigins, cacheControl, version } from '../../scripts/dist.mjs';
import { ROOT } from './lib.mjs';

export const DIST = `${ROOT}dist/grade-widget-${version()}/`;
const VARIANTS = ['cors', 'plain', 'tampered', 'broken'];
/**
 * The web team's edit of embed.html's allowed origins, for iframe.spec.mjs: /edited/ serves the
 * release as /cors/ does, but embed.html's connect-src also lists these origins.
 */
export const embedEdit = { origins: [] };

/** The release's file names and hashes (integrity.json), read fresh so a new make dist is seen. */
export function manifest() {
  if (!existsSync(`${DIST}integrity.json`)) throw new Error(`${DIST} has no release: run make dist first`);
  return JSON.parse(readFileSync(`${DIST}integrity.json`, 'utf8'));
}

/** The second origin. `requests` records every request as { variant, file, headers }. */
export function distServer() {
  const requests = [];
  const server = createServer((req, res) => {
    const [, variant, file, ...rest] = new URL(req.url, 'http://x').pathname.split('/');
    if (variant === 'reports' && /^[\w-]+\.json$/.test(file ?? '') && !rest.length && existsSync(`${ROOT}www/data/${file}`)) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      return res.end(readFileSync(`${ROOT}www/data/${file}`));
    }
    const known = manifest().files[file];
    if (!(VARIANTS.includes(variant) || variant === 'edited') || !known || rest.length) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    requests.push({ variant, file, headers: req.headers });
    let body = readFileSync(DIST + file);
    const changed = variant === 'broken' ? /^grade(_widget|-widget-failure)\.[0-9a-f]{8}\.js$/ : /^grade_widget\.[0-9a-f]{8}\.js$/;
    if ((variant === 'tampered' || variant === 'broken') && changed.test(file)) body = Buffer.concat([body, Buffer.from('\n// changed\n')]);
    if (variant === 'edited' && file === 'embed.html') {
      body = Buffer.from(allowOrigins(body.toString(), embedEdit.origins));
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': cacheControl(file),
      'X-Content-Type-Options': 'nosniff',
      // Lets the host page's resource timing show real transfer sizes (0 means "from the cache").
      'Timing-Allow-Origin': '*',
      ...(variant === 'plain' ? {} : { 'Access-Control-Allow-Origin': '*' }),
    });
    res.end(body);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}/`, requests }));
  });
}

/**
 * The host pages, /dist-host/<variant>.html on the first origin: the snippet's script tag (with
 * the loader's integrity) pointing at the second origin, a widget whose fallback content is a
 * link to the report, and a Content-Security-Policy response header that allows only the widget's
 * origin for script and fetch, plus 'wasm-unsafe-eval'. No style-src: default-src 'none' refuses
 * every stylesheet, and the widget's constructable stylesheet must still apply.
 */
export function hostRoutes(distUrl) {
  const origin = new URL(distUrl).origin;
  const csp = `default-src 'none'; script-src ${origin} 'wasm-unsafe-eval'; connect-src 'self' ${origin}; base-uri 'none'; form-action 'none'`;
  const routes = Object.fromEntries(VARIANTS.map((variant) => [`/dist-host/${variant}.html`, (req, res) => {
    const loader = manifest().files['grade-widget.js'].integrity;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': csp });
    res.end(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A host page for the release (${variant})</title>
  <script type="module" src="${distUrl}${variant}/grade-widget.js" integrity="${loader}" crossorigin="anonymous"></script>
</head>
<body>
  <main>
    <h1>Inspection grades</h1>
    <grade-widget id="hosted" src="/www/data/metropolitan-2006.json">
      <a data-testid="fallback" href="/www/data/metropolitan-2006.json">Read the inspection report</a>
    </grade-widget>
  </main>
</body>
</html>
`);
  }]));
  routes['/iframe-host.html'] = (req, res) => iframeHost(distUrl, req, res);
  return routes;
}

/**
 * A host page for the iframe embed on the first origin, framing the release's embed.html from
 * the second. The query says what it holds: `frames`, a JSON list of { id, query, attrs, variant }
 * (the embed page's URL query, extra attributes of the <iframe>, and which copy of the release:
 * `cors` unless said); `script` to add the release's
 * host script (else the page's policy allows no script at all); `lang`, the page's language.
 * A link before and after the frames, for keyboard tests.
 */
function iframeHost(distUrl, req, res) {
  const query = new URL(req.url, 'http://x').searchParams;
  const origin = new URL(distUrl).origin;
  const script = query.has('script');
  const files = manifest().files;
  const host = Object.keys(files).find((f) => /^embed-host\.[0-9a-f]{8}\.js$/.test(f));
  const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const frames = JSON.parse(query.get('frames') ?? '[]').map(({ id, query: q, attrs = {}, variant = 'cors' }) => {
    const more = Object.entries(attrs).map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`)).join('');
    return `    <iframe id="${esc(id)}" name="${esc(id)}" src="${esc(`${distUrl}${variant}/embed.html?${q}`)}" title="Inspection grades: ${esc(id)}" width="100%" height="300" frameborder="0"${more}></iframe>`;
  });
  const csp = `default-src 'none'; frame-src ${origin} 'self'; script-src ${script ? origin : "'none'"}; base-uri 'none'; form-action 'none'`;
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': csp });
  res.end(`<!doctype html>
<html lang="${esc(query.get('lang') ?? 'en')}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>A host page for the iframe embed</title>
${script ? `  <script type="module" src="${distUrl}cors/${host}" integrity="${files[host].integrity}" crossorigin="anonymous"></script>\n` : ''}</head>
<body>
  <main>
    <h1>Inspection grades</h1>
    <p><a id="before" href="#before">A link before the frames</a></p>
${frames.join('\n')}
    <p><a id="after" href="#after">A link after the frames</a></p>
  </main>
</body>
</html>
`);
}
