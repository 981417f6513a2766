/**
 * Per-request (REST) or per-connection (CLI, workbench) state: property overrides from SET and
 * request bodies, variables from DEFINE.
 */
export interface Session {
  readonly properties: Readonly<Record<string, string>>;
  readonly variables: Readonly<Record<string, string>>;
}

export const EMPTY_SESSION: Session = { properties: {}, variables: {} };

/** Reads a property with ksqlDB's `ksql.streams.` prefix accepted as an alias. */
export function sessionProperty(session: Session, name: string): string | undefined {
  return session.properties[name] ?? session.properties[`ksql.streams.${name}`];
}
