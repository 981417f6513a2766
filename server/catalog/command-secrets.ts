import type { CommandRecord } from './command-schema';

/**
 * Property names whose values are credentials: Kafka clients' ssl/sasl passwords, keys and JAAS
 * configurations, and anything that calls itself a password, secret, token or credential.
 */
const SECRET_NAME = /password|secret|token|credential|sasl\.jaas\.config|\.key$/i;

/** What a credential's value becomes in the command topic. */
export const HIDDEN_VALUE = '[hidden]';

export function isSecretProperty(name: string): boolean {
  return SECRET_NAME.test(name);
}

function hide(properties: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [k, isSecretProperty(k) ? HIDDEN_VALUE : v]),
  );
}

/**
 * The record as it may be written to the command topic: credentials a statement was run with
 * (ksqlDB scripts set client ssl/sasl properties; Kappa's queries use the engine's own Kafka
 * client and ignore them) are replaced by HIDDEN_VALUE. The topic is kept forever and read by
 * every engine, tool and backup, so a secret written there could never be taken back.
 */
export function withoutSecrets(record: CommandRecord): CommandRecord {
  const command = record.command;
  return {
    ...record,
    properties: hide(record.properties),
    command:
      command.type === 'createAsSelect' || command.type === 'insertInto'
        ? { ...command, query: { ...command.query, properties: hide(command.query.properties) } }
        : command,
  };
}
