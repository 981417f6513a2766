import type { KsqlEntity } from '../entities';
import { canonicalPropertyName, propertyScope, serverProperties } from '../server-properties';
import type { StatementContext } from '../statement-context';

/**
 * SHOW PROPERTIES: the server's properties with the session's overrides applied (ksqlDB's
 * PropertiesList: `overwrittenProperties` names the overridden ones, `defaultProperties` those
 * still at their default).
 */
export function showProperties(
  ctx: StatementContext,
  base: { statementText: string; warnings: { message: string }[] },
): KsqlEntity {
  const server = ctx.options.serverProperties ?? serverProperties({ serviceId: ctx.options.serviceId });
  const values: Record<string, string> = { ...server.values };
  const overwritten: string[] = [];
  for (const [name, value] of Object.entries(ctx.session.properties)) {
    const canonical = canonicalPropertyName(name, server.values);
    values[canonical] = value;
    overwritten.push(canonical);
  }
  const names = Object.keys(values).sort();
  return {
    '@type': 'properties',
    ...base,
    properties: names.map((name) => ({ name, scope: propertyScope(name), value: values[name]! })),
    overwrittenProperties: overwritten,
    defaultProperties: names.filter((n) => !overwritten.includes(n) && !server.configured.includes(n)),
  };
}
