/** server.properties for a single-node KRaft broker bound to loopback. */
export interface BrokerPorts {
  readonly broker: number;
  readonly controller: number;
}

export function brokerProperties(ports: BrokerPorts, logDir: string): string {
  const lines: Record<string, string | number> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${ports.controller}`,
    listeners: `PLAINTEXT://127.0.0.1:${ports.broker},CONTROLLER://127.0.0.1:${ports.controller}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.broker}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': logDir,
    'num.partitions': 1,
    // One broker: every internal topic must have replication factor 1, or consumer groups and
    // transactions never find a coordinator.
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 10,
    'share.coordinator.state.topic.replication.factor': 1,
    'group.initial.rebalance.delay.ms': 0,
    'group.min.session.timeout.ms': 1000,
    // Topics are created by Kappa on purpose (CREATE … WITH (PARTITIONS=n)); a typo must not
    // silently create one.
    'auto.create.topics.enable': 'false',
    'delete.topic.enable': 'true',
    'log.retention.hours': 168,
    'log.segment.bytes': 64 * 1024 * 1024,
  };
  return `${Object.entries(lines)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;
}
