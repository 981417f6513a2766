import type { Route } from '../http/router';
import { sendJson } from '../http/respond';
import type { HealthSource } from '../../engine/health';

/** GET /info — ksqlDB's `KsqlServerInfo`; the ksql CLI checks it at start-up. */
export function infoRoute(health: HealthSource): Route {
  return {
    method: 'GET',
    path: '/info',
    handler: ({ res }) => {
      const h = health.snapshot();
      sendJson(res, 200, {
        KsqlServerInfo: {
          version: h.version,
          kafkaClusterId: h.kafka.clusterId ?? '',
          ksqlServiceId: h.serviceId,
          serverStatus: h.serverStatus === 'STARTING' ? 'RUNNING' : h.serverStatus,
        },
      });
    },
  };
}
