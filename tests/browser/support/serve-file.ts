// What both test servers (the HTTPS fixture server under real host names, and the plain
// HTTP server for editor pages) send for one request: the favicon answer and a file.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Browsers ask for /favicon.ico; a 404 would show up as a console error in every test. */
export function answerFavicon(pathname: string, res: ServerResponse): boolean {
  if (pathname !== '/favicon.ico') return false;
  res.writeHead(204).end();
  return true;
}

/** Sends `file` (or a 404 naming what was asked for when it is null), never cached. */
export function sendFile(res: ServerResponse, file: string | null | undefined, missing: string): void {
  if (file === null || file === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(missing);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
}
