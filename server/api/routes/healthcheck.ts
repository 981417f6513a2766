import type { Route } from '../http/router';
import { sendJson } from '../http/respond';
import type { HealthSource } from '../../engine/health';

/**
 * GET /healthcheck — ksqlDB's shape. Always 200 like ksqlDB; clients read `isHealthy`.
 * Also /chc/live (the process answers) and /chc/ready (it can serve), which bypass the start-up gate.
 */
export function healthRoutes(health: HealthSource): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthcheck',
      handler: ({ res }) => {
        const h = health.snapshot();
        const metastore = h.serverStatus !== 'ERROR';
        const commandRunner = h.serverStatus === 'RUNNING';
        const kafka = h.kafka.connected;
        sendJson(res, 200, {
          isHealthy: metastore && commandRunner && kafka,
          details: {
            metastore: { isHealthy: metastore },
            kafka: { isHealthy: kafka },
            commandRunner: { isHealthy: commandRunner },
          },
          serverState: h.serverStatus === 'STARTING' ? 'INITIALIZING' : 'READY',
        });
      },
    },
    {
      method: 'GET',
      path: '/chc/live',
      beforeReady: true,
      handler: ({ res }) => sendJson(res, 200, { isHealthy: true }),
    },
    {
      method: 'GET',
      path: '/chc/ready',
      beforeReady: true,
      handler: ({ res }) => {
        const h = health.snapshot();
        const ready = h.serverStatus !== 'STARTING' && h.kafka.connected;
        sendJson(res, ready ? 200 : 503, { isHealthy: ready });
      },
    },
  ];
}
