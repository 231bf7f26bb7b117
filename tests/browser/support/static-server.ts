// A plain-HTTP static file server on an ephemeral loopback port, for tests that need pages
// but not the real host names (so they never compete for the fixture server's port 443).
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { answerFavicon, sendFile } from './serve-file';


export interface StaticServer {
  /** The base URL, ending with "/". */
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(dir: string): Promise<StaticServer> {
  const root = normalize(dir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://static.invalid');
    if (answerFavicon(pathname, res)) return;
    const file = normalize(join(root, decodeURIComponent(pathname)));
    const found = file.startsWith(root + '/') && existsSync(file) && statSync(file).isFile();
    sendFile(res, found ? file : null, `not found: ${pathname}`);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolveListen);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
