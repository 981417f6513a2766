import { z } from 'zod';

/** What the workbench shows in its header, pushed over socket.io whenever it changes. */
export const HealthSnapshotSchema = z.object({
  version: z.string(),
  serviceId: z.string(),
  /** RUNNING once the catalog is replayed; DEGRADED when a command record cannot be applied. */
  serverStatus: z.enum(['STARTING', 'RUNNING', 'DEGRADED', 'ERROR']),
  degradedReason: z.string().optional(),
  kafka: z.object({
    connected: z.boolean(),
    bootstrapServers: z.string(),
    clusterId: z.string().optional(),
    brokers: z.number().int().optional(),
    error: z.string().optional(),
    /** When the last successful or failed probe ran (epoch ms). */
    checkedAt: z.number(),
  }),
});
export type HealthSnapshot = z.infer<typeof HealthSnapshotSchema>;
