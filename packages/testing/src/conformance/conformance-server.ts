import { type HandlerServer, serveHandler } from '../mock/serve-handler.js';
import { createConformanceRoutes } from './conformance-routes.js';

/** The conformance routes on a loopback HTTP server, for a transport's own extra tests. */
export interface ConformanceServer extends HandlerServer {
  readonly requestCount: number;
  route: ReturnType<typeof createConformanceRoutes>['route'];
}

/**
 * Starts the conformance routes on 127.0.0.1 (port 0). The server and its sockets are unref'd, so the
 * suite's resource check sees only what the transport under test keeps alive.
 */
export async function startConformanceServer(): Promise<ConformanceServer> {
  const routes = createConformanceRoutes();
  const served = await serveHandler(routes.handler, { unref: true });
  return {
    origin: served.origin,
    server: served.server,
    url: served.url,
    get connectionCount() {
      return served.connectionCount;
    },
    get requestCount() {
      return routes.requestCount;
    },
    route: routes.route,
    close: served.close,
  };
}
