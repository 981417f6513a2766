import type {
  DefineVariableStmt,
  SetPropertyStmt,
  UndefineVariableStmt,
  UnsetPropertyStmt,
} from '../../sql/ast';
import { warningEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

/**
 * SET/UNSET/DEFINE/UNDEFINE change the session of the statements that follow in the same
 * request (REST) or connection (CLI, workbench). No entity, as in ksqlDB.
 */
export function prepareSessionStatement(
  stmt: SetPropertyStmt | UnsetPropertyStmt | DefineVariableStmt | UndefineVariableStmt,
  ctx: StatementContext,
): Prepared {
  const s = ctx.session;
  switch (stmt.kind) {
    case 'SetPropertyStmt':
      return {
        kind: 'local',
        run: async () => null,
        nextSession: { ...s, properties: { ...s.properties, [stmt.name]: stmt.value } },
      };
    case 'UnsetPropertyStmt': {
      const { [stmt.name]: _removed, ...rest } = s.properties;
      return { kind: 'local', run: async () => null, nextSession: { ...s, properties: rest } };
    }
    case 'DefineVariableStmt':
      return {
        kind: 'local',
        run: async () => null,
        nextSession: { ...s, variables: { ...s.variables, [stmt.name.name.toLowerCase()]: stmt.value } },
      };
    case 'UndefineVariableStmt': {
      const key = stmt.name.name.toLowerCase();
      if (!(key in s.variables)) {
        return {
          kind: 'local',
          run: async () =>
            warningEntity(stmt.text, `Cannot undefine variable '${stmt.name.name}' which was never defined`),
        };
      }
      const { [key]: _removed, ...rest } = s.variables;
      return { kind: 'local', run: async () => null, nextSession: { ...s, variables: rest } };
    }
  }
}
