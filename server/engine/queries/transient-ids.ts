import { randomInt } from 'node:crypto';

/** ksqlDB's transient query ids: `transient_<SOURCE>_<random long>`. */
export function transientQueryId(source: string): string {
  const n = BigInt(randomInt(0, 2 ** 47)) * 65536n + BigInt(randomInt(0, 65536));
  return `transient_${source}_${n}`;
}
