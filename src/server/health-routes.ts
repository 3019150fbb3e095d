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
        const ready = await store.ping().catch(() => false);
        res
          .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(ready ? '{"status":"ready"}\n' : '{"status":"unavailable","reason":"database unreachable"}\n');
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
