// A tiny HTTPS server for the fixture pages, reached under the real host names
// (mail.google.com, …) that the browsers map to 127.0.0.1. The certificate is self-signed,
// made at test time, and the browsers are told to accept it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { extname, join, normalize } from 'node:path';
import { FIXTURE_HOSTS, PAGES_DIR } from './env';

/** The page each host serves at "/". */
const HOME_PAGES: Record<string, string> = {
  'mail.google.com': 'gmail-compose.html',
  'acme.zendesk.com': 'zendesk-ticket.html',
  'outlook.office.com': 'outlook-compose.html',
  'outlook.live.com': 'outlook-compose.html',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

/** Writes a fresh self-signed certificate for all fixture hosts into `dir`. */
export function makeCertificate(dir: string): Certificate {
  mkdirSync(dir, { recursive: true });
  const keyPath = join(dir, 'fixture-key.pem');
  const certPath = join(dir, 'fixture-cert.pem');
  const san = FIXTURE_HOSTS.map((host) => `DNS:${host}`).join(',');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
      '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=Selge test fixtures',
      '-addext', `subjectAltName=${san}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

function resolvePage(host: string, pathname: string): string | undefined {
  const name = pathname === '/' ? HOME_PAGES[host] : decodeURIComponent(pathname.slice(1));
  if (!name) return undefined;
  const file = normalize(join(PAGES_DIR, name));
  if (!file.startsWith(PAGES_DIR + '/') || !existsSync(file)) return undefined;
  return file;
}

export async function startFixtureServer(port: number, certificate: Certificate): Promise<Server> {
  const server = createServer(certificate, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const { pathname } = new URL(req.url ?? '/', 'https://fixture.invalid');
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask; a 404 would show up as a console error
      return;
    }
    const file = resolvePage(host, pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${host}${pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const hint =
        error.code === 'EACCES' || error.code === 'EADDRINUSE'
          ? ` (port ${port} must be free and bindable: the fixtures are served on the real https port)`
          : '';
      reject(new Error(`fixture server: ${error.message}${hint}`));
    });
    server.listen(port, '127.0.0.1', resolveListen);
  });
  return server;
}
