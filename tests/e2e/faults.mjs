// Misbehaving endpoints for the fault tests, served beside the static files by run.mjs.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ROOT } from './lib.mjs';

const GOOD = readFileSync(`${ROOT}www/data/northshire-example-2006.json`);
let flaky = 0;

/** What `/fault/endless` sent on its last request, and whether the browser hung up. */
export const endless = { requests: 0, sent: 0, closed: false };
// Bounds of the endless body (a test server's loop stops by itself): 8 times the widget's
// 8 MiB limit, or 60 seconds.
const ENDLESS_CAP = 64 << 20;
const ENDLESS_MS = 60_000;

export const FAULT_ROUTES = {
  '/fault/500': (req, res) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('internal error');
  },
  // A CMS error page served with 200 instead of the report.
  '/fault/html': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Page not found</title><p>Sorry</p>');
  },
  // Promises a whole report, sends a third of it, then drops the connection.
  '/fault/truncated': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': GOOD.length });
    res.write(GOOD.subarray(0, Math.floor(GOOD.length / 3)), () => res.destroy());
  },
  // Sends headers and a little of the body, then nothing, ever.
  '/fault/hang': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"schema_version": 1,');
    req.on('close', () => res.destroy());
  },
  // A body with no Content-Length that never ends (chunked, 64 KiB at a time, as fast as the
  // reader takes it): the widget must stop reading at its size limit and hang up.
  '/fault/endless': (req, res) => {
    Object.assign(endless, { requests: endless.requests + 1, sent: 0, closed: false });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.on('close', () => { endless.closed = true; });
    const chunk = Buffer.alloc(64 << 10, 0x20);
    const started = Date.now();
    res.write('[');
    const pump = () => {
      while (!endless.closed && endless.sent < ENDLESS_CAP && Date.now() - started < ENDLESS_MS) {
        endless.sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!endless.closed) res.end();
    };
    pump();
  },
  '/fault/endless-status': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ ...endless, cap: ENDLESS_CAP }));
  },
  // Unavailable for the first request, fine afterwards: retry must recover.
  '/fault/flaky': (req, res) => {
    if (flaky++ === 0) {
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      return res.end('try later');
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(GOOD);
  },
};

/**
 * A second server on another port, so another origin: it serves the report without
 * Access-Control-Allow-Origin (a CORS refusal), and once told to (`/allow`) with it, so retry can
 * be shown to recover. `/with-cors.json` always allows any origin.
 */
export function crossOriginServer() {
  let allowed = false;
  const send = (res, allow, body = GOOD) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...(allow ? { 'Access-Control-Allow-Origin': '*' } : {}) });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/report.json') return send(res, false);
    if (path === '/recovering.json') return send(res, allowed);
    if (path === '/with-cors.json') return send(res, true);
    if (path === '/allow' || path === '/reset') {
      allowed = path === '/allow';
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
      return res.end();
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}
