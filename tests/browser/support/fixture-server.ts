// A tiny HTTPS server for the fixture pages, reached under the real host names
// (mail.google.com, …) that the browsers map to 127.0.0.1. The certificate is self-signed,
// made at test time, and the browsers are told to accept it. The editor pages built from the
// real editors are served on every host under /editors/ (https://acme.zendesk.com/editors/zendesk.html).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join, normalize } from 'node:path';
import { EDITOR_PAGES_DIR, FIXTURE_HOSTS, PAGES_DIR } from './env';
import { answerFavicon, sendFile } from './serve-file';

/** The page each host serves at "/". */
const HOME_PAGES: Record<string, string> = {
  'mail.google.com': 'gmail-compose.html',
  'acme.zendesk.com': 'zendesk-ticket.html',
  'outlook.office.com': 'outlook-compose.html',
  'outlook.live.com': 'outlook-compose.html',
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

/** Editor pages (tests/.tmp/editor-pages/) are served on every host under this path. */
const EDITOR_PREFIX = '/editors/';

function resolvePage(host: string, pathname: string): string | undefined {
  const editorPage = pathname.startsWith(EDITOR_PREFIX);
  const dir = editorPage ? EDITOR_PAGES_DIR : PAGES_DIR;
  const name = pathname === '/' ? HOME_PAGES[host] : decodeURIComponent(pathname.slice(editorPage ? EDITOR_PREFIX.length : 1));
  if (!name) return undefined;
  const file = normalize(join(dir, name));
  if (!file.startsWith(dir + '/') || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

export async function startFixtureServer(port: number, certificate: Certificate): Promise<Server> {
  const server = createServer(certificate, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const { pathname } = new URL(req.url ?? '/', 'https://fixture.invalid');
    if (answerFavicon(pathname, res)) return;
    sendFile(res, resolvePage(host, pathname), `no fixture for ${host}${pathname}`);
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
