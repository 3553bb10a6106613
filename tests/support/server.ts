import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin and base path, e.g. "http://127.0.0.1:43121/open-connect-guide/". */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way GitHub Pages does: under a base path, directories as index.html, and the
 * site's 404.html (with status 404) for anything else. Listens on 127.0.0.1 only, on a free port.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    const send = (status: number, file: string) => {
      res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      // A file that vanishes between the check and the read (a rebuild) must fail the request, not the server.
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    };
    const notFound = () => send(404, path.join(dir, '404.html'));
    if (!pathname.startsWith(base)) return notFound();
    pathname = pathname.slice(base.length);
    let file = path.join(dir, pathname);
    if (!file.startsWith(dir)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    return fs.existsSync(file) ? send(200, file) : notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
