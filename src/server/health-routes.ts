import { isStoreError } from '../store/store-error.js';
import type { Store } from '../store/store.js';
import type { HttpRoute } from './http-route.js';
import type { Metrics } from './metrics.js';
import { checkWebAccess, refuseWebAccess, type WebAccess } from './web-access.js';

/**
 * /healthz (process up), /readyz (store reachable and migrated) and /metrics (Prometheus text).
 * The probes answer anyone (load balancers call them and they reveal nothing); /metrics follows
 * the web access rule (default: loopback only) or METRICS_TOKEN.
 */
export function createHealthRoutes(store: Store, metrics: Metrics, access: WebAccess): HttpRoute[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}\n');
      },
    },
    {
      method: 'GET',
      path: '/readyz',
      handler: async (_req, res) => {
        const ready = await store.ping().catch((error: unknown) => error);
        if (ready === true) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}\n');
        // The path and details are in the log; anyone may call this route.
        const reason = isStoreError(ready) && ready.code === 'store/corrupt' ? 'database corrupt: restore it from a backup' : 'database unreachable';
        res.writeHead(503, { 'content-type': 'application/json' }).end(`${JSON.stringify({ status: 'unavailable', reason })}\n`);
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (req, res) => {
        const decision = checkWebAccess(req, access, { extraToken: access.metricsToken });
        if (!decision.allowed) return refuseWebAccess(res, decision);
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(await metrics.registry.metrics());
      },
    },
  ];
}
