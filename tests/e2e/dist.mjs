// The release folder (make dist) on a second origin, and host pages for it on the first, for
// dist.spec.mjs. The second origin serves the folder three ways: /cors/ with CORS and the
// Cache-Control that docs/hosting.md recommends, /plain/ with the same caching but no CORS
// header, /tampered/ with CORS but a glue file changed after its hash was taken, and /broken/
// with the failure note's module changed too.

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { TYPES } from '../../scripts/serve.mjs';
import { cacheControl, version } from '../../scripts/dist.mjs';
import { ROOT } from './lib.mjs';

export const DIST = `${ROOT}dist/grade-widget-${version()}/`;
const VARIANTS = ['cors', 'plain', 'tampered', 'broken'];

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
    const known = manifest().files[file];
    if (!VARIANTS.includes(variant) || !known || rest.length) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      return res.end('not found');
    }
    requests.push({ variant, file, headers: req.headers });
    let body = readFileSync(DIST + file);
    const changed = variant === 'broken' ? /^grade(_widget|-widget-failure)\.[0-9a-f]{8}\.js$/ : /^grade_widget\.[0-9a-f]{8}\.js$/;
    if ((variant === 'tampered' || variant === 'broken') && changed.test(file)) body = Buffer.concat([body, Buffer.from('\n// changed\n')]);
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
  return Object.fromEntries(VARIANTS.map((variant) => [`/dist-host/${variant}.html`, (req, res) => {
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
}
