// The static server of the side-by-side benchmark, in the Playwright process: serves tradecover's
// package (pkg/ under /tradecover/), the React peer's build (bench/peer-react/dist/ under /peer/)
// and the test pages (bench/side-by-side/pages/ under /pages/), brotli-compressed (quality 11,
// as a CDN would) when the browser accepts it, `.wasm` as application/wasm so that
// WebAssembly.instantiateStreaming applies; and answers mocked proxy routes given to `mock`.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Brotli at quality 11 (what a CDN or a build step would ship). */
export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Starts the server on a free loopback port. `roots` maps a URL prefix (`/tradecover/`) to a
 * directory. Answers {url, mock(pathname, handler), stop}; a handler gets (request, response,
 * url) for requests whose pathname is exactly `pathname`.
 */
export async function startServer(roots) {
  const compressed = new Map(); // path → {mtime, bytes}
  const mocks = new Map();

  async function serveFile(request, response, file) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] || 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    let body = await readFile(file);
    if (/\bbr\b/.test(request.headers['accept-encoding'] || '')) {
      let cached = compressed.get(file);
      if (!cached || cached.mtime !== info.mtimeMs) {
        cached = { mtime: info.mtimeMs, bytes: brotli(body) };
        compressed.set(file, cached);
      }
      body = cached.bytes;
      headers['content-encoding'] = 'br';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    response.writeHead(200, headers).end(body);
  }

  const server = createServer((request, response) => {
    if (process.env.BENCH_DEBUG) console.log(request.url, request.headers['accept-encoding']);
    const url = new URL(request.url, 'http://localhost');
    const mock = mocks.get(url.pathname);
    if (mock) {
      Promise.resolve(mock(request, response, url)).catch((error) => {
        if (!response.headersSent) response.writeHead(500);
        response.end(String(error));
      });
      return;
    }
    const prefix = Object.keys(roots).find((candidate) => url.pathname.startsWith(candidate));
    if (!prefix) {
      response.writeHead(404).end();
      return;
    }
    const root = resolve(roots[prefix]);
    const relative = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    serveFile(request, response, file).catch((error) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  /** Compresses every file under the roots ahead of the measurements (quality 11 is slow). */
  async function precompress() {
    for (const root of Object.values(roots)) {
      const files = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of files) {
        if (!entry.isFile()) continue;
        const file = join(entry.parentPath ?? entry.path, entry.name);
        const info = await stat(file);
        compressed.set(file, { mtime: info.mtimeMs, bytes: brotli(await readFile(file)) });
      }
    }
  }
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    mock: (pathname, handler) => mocks.set(pathname, handler),
    precompress,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections?.();
        server.close(done);
      }),
  };
}
