import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { RestContext } from './rest-context';

/** GET /v1/metadata and /v1/metadata/id — ksqlDB's server metadata (Confluent's cluster scope). */
export function metadataRoutes(ctx: RestContext): Route[] {
  const clusterId = (): Record<string, unknown> => {
    const h = ctx.engine.health.snapshot();
    return {
      scope: {
        path: [],
        clusters: { 'kafka-cluster': h.kafka.clusterId ?? '', 'ksql-cluster': h.serviceId },
      },
      id: '',
    };
  };
  return [
    {
      method: 'GET',
      path: '/v1/metadata',
      handler: ({ res }) =>
        sendJson(res, 200, { version: ctx.engine.health.snapshot().version, clusterId: clusterId() }),
    },
    {
      method: 'GET',
      path: '/v1/metadata/id',
      handler: ({ res }) => sendJson(res, 200, clusterId()),
    },
  ];
}
