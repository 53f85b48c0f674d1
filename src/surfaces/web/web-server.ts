// The HTTP server: security headers, /health, the token-protected JSON API under /api (with its
// OpenAPI document), the web chat page at /, and with PUBLIC_SUPPORT=on the customer help page. Other surfaces (Slack) mount onto the same app.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { App } from '../../app/open-app.ts';
import type { TokenRegistry } from './api-tokens.ts';
import { identifyCaller, rateLimitPerToken, requireIdentity, type RateLimitOptions } from './auth.ts';
import { ErrorCode } from '../../errors.ts';
import { apiErrorHandler, apiNotFound, sendError } from './http-errors.ts';
import { healthRoute, infoRoutes, type QueueState } from './info-routes.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { publicSupportRoutes, type PublicSupportOptions } from './public-support-routes.ts';
import { supportRoutes } from './support-routes.ts';
import { threadRoutes } from './thread-routes.ts';
import { ThreadRuns } from './thread-runs.ts';

export const STATIC_DIR = join(import.meta.dirname, 'static');

export interface WebServerOptions {
  app: App;
  tokens: TokenRegistry;
  runs?: ThreadRuns;
  /** Largest JSON body accepted. */
  bodyLimit?: string;
  rateLimit?: RateLimitOptions;
  /** Delivery queue state for /health. */
  queueState?: () => QueueState;
  slack?: 'off' | 'http' | 'socket';
  /** Serve the support bot to customers without a token at /public/support and /help.html (PUBLIC_SUPPORT=on). */
  publicSupport?: boolean | Pick<PublicSupportOptions, 'limit' | 'windowMs'>;
}

export interface WebServer {
  express: Express;
  runs: ThreadRuns;
}

export function createWebServer({ app, tokens, runs = new ThreadRuns(), bodyLimit = '100kb', rateLimit, queueState, slack = 'off', publicSupport = false }: WebServerOptions): WebServer {
  const server = express();
  server.disable('x-powered-by');
  server.use(
    helmet({
      // Served over plain HTTP on a local or internal address: do not upgrade requests to HTTPS.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  server.get('/health', healthRoute(app, { queueState, slack }));

  const openApi = buildOpenApiDocument();
  const api = express.Router();
  api.use(identifyCaller(tokens), rateLimitPerToken(rateLimit), requireIdentity);
  api.get('/openapi.json', (_request, response) => {
    response.json(openApi);
  });
  api.use(express.json({ limit: bodyLimit, type: () => true }));
  api.use(infoRoutes(app));
  api.use(threadRoutes({ planner: app.planner, runs }));
  api.use(supportRoutes({ support: app.support }));
  api.use(apiNotFound);
  api.use(apiErrorHandler({ bodyLimit }));
  server.use('/api', api);
  if (publicSupport) {
    server.use('/public', publicSupportRoutes({ support: app.support, db: app.db, ...(publicSupport === true ? {} : publicSupport) }));
  } else {
    // Without PUBLIC_SUPPORT the customer page is not served either.
    server.get('/help.html', (_request, response) => {
      sendError(response, 404, ErrorCode.NotFound, 'the customer help page is off on this server: start it with PUBLIC_SUPPORT=on');
    });
  }

  server.use(express.static(STATIC_DIR, { index: 'index.html', maxAge: 0 }));
  return { express: server, runs };
}

/** Starts listening; resolves with the server and its URL once it accepts connections. */
export function listen(expressApp: Express, { port = 3000, host }: { port?: number; host?: string } = {}): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const onListening = (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const address = server.address() as AddressInfo;
      const shownHost = host && host !== '::' && host !== '0.0.0.0' ? host : 'localhost';
      resolve({ server, url: `http://${shownHost}:${address.port}` });
    };
    const server = host ? expressApp.listen(port, host, onListening) : expressApp.listen(port, onListening);
    server.on('error', reject);
  });
}

/** Stops accepting connections and closes open ones (streams included). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
