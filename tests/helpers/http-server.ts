// A web server on 127.0.0.1 for the import tests: routes map a path to a response. Never the internet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** Starts a server for the test file; it is closed when the file's tests end. */
export async function localServer(routes: Record<string, Route>): Promise<string> {
  const server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    if (route) return route(request, response);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A route answering with a body and a content type. */
export const serve =
  (body: string | Uint8Array, type: string, status = 200): Route =>
  (_request, response) =>
    void response.writeHead(status, { 'content-type': type }).end(body);
