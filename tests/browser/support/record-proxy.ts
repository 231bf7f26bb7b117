// An HTTP proxy for a whole browser that records every connection it is asked for: the
// browser under test sends all its http(s) traffic here (chromiumProxyArgs, firefoxProxyPrefs
// below), whoever starts it (page, content script, background page, service worker).
// Connections to the fixture hosts on 443 are tunnelled to the fixture server; everything
// else is recorded and refused, so a test can assert that nothing else was asked for.
// quiet.test.ts proves with requests made from inside the extension that both browsers,
// set up this way, really send the extension's requests here.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { FIXTURE_HOSTS, FIXTURE_PORT } from './env';

export interface RecordProxy {
  /** "127.0.0.1:port", for the launch options. */
  address: string;
  /** Every connection or request that was not to a fixture host, in order ("CONNECT host:port", "GET url"). */
  refused: string[];
  /** How many tunnels to the fixture hosts were opened (proves traffic goes through the proxy). */
  tunnels(): number;
  close(): Promise<void>;
}

/**
 * Chromium flags that send every http(s) connection of the browser to the proxy at `address`
 * ("host:port"), loopback included. Chromium lets the proxy resolve the names (the fixture
 * hosts are mapped there).
 */
export function chromiumProxyArgs(address: string): string[] {
  return [`--proxy-server=http://${address}`, '--proxy-bypass-list=<-loopback>'];
}

/** Firefox prefs that do the same: one HTTP proxy for http and https, no exceptions. */
export function firefoxProxyPrefs(address: string): Record<string, unknown> {
  const [host, port] = address.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // The proxy resolves names: the fixture hosts are mapped there.
    'network.proxy.socks_remote_dns': true,
  };
}

export async function startRecordProxy(): Promise<RecordProxy> {
  const refused: string[] = [];
  let tunnels = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    refused.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const [host = '', port = ''] = (request.url ?? '').split(':');
    if (!(FIXTURE_HOSTS as readonly string[]).includes(host) || Number(port) !== FIXTURE_PORT) {
      refused.push(`CONNECT ${request.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels++;
    const upstream = connect(FIXTURE_PORT, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    refused,
    tunnels: () => tunnels,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
