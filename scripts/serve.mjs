// A tiny static file server for the demo and the browser tests: serves the repository root on
// 127.0.0.1 with correct MIME types (application/wasm matters: streaming compilation needs it),
// no caching, and optional extra headers per path (e.g. a strict Content-Security-Policy for
// the strict-CSP example). No dependencies beyond Node itself.
//
//   node scripts/serve.mjs [--port N]        (default: $PORT, else 8080; 0 picks a free port)
//   import { serve } from './scripts/serve.mjs'; const { server, url } = await serve({ port: 0 });

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The strict policy of issue 4: only 'wasm-unsafe-eval' on top of same-origin everything. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** Extra response headers by exact URL path. */
export const PATH_HEADERS = {
  '/www/examples/strict-csp.html': { 'Content-Security-Policy': STRICT_CSP },
  // The report builder runs under the same policy, its worker included (worker-src is what
  // `new Worker` needs; default-src 'self' would allow it too, this says so).
  '/www/builder.html': { 'Content-Security-Policy': `${STRICT_CSP}; worker-src 'self'` },
  '/www/builder-worker.js': { 'Content-Security-Policy': STRICT_CSP },
};

/**
 * Starts the server. `routes` maps a URL path to a handler (req, res) => void, checked before
 * files: the fault-injection tests add endpoints that answer 500, hang, or break off.
 */
export function serve({ port = 8080, host = '127.0.0.1', root = ROOT, headers = PATH_HEADERS, routes = {} } = {}) {
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(res, 400, 'bad request');
    }
    if (routes[path]) return routes[path](req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...(headers[path] ?? {}),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(res, 404, `not found: ${path}`);
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      done({ server, url: `http://${host}:${actual}/` });
    });
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = Number(i > 0 ? process.argv[i + 1] : process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: not a port number: ${i > 0 ? process.argv[i + 1] : process.env.PORT}`);
    process.exit(2);
  }
  const { url } = await serve({ port });
  console.log(`serving the demo at ${url} (Ctrl+C to stop)`);
}
