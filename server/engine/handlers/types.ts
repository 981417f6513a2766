import { bindError } from '../../bind/bind-error';
import { resolveTypeNode } from '../../bind/types';
import type { CreateTypeStmt, DropTypeStmt } from '../../sql/ast';
import { BUILTIN_TYPE_NAMES } from '../../sql';
import { formatType } from '../../types/sql-type';
import { warningEntity } from '../entities';
import type { Prepared, StatementContext } from '../statement-context';

export function prepareCreateType(stmt: CreateTypeStmt, ctx: StatementContext): Prepared {
  const name = stmt.name.name;
  if ((BUILTIN_TYPE_NAMES as readonly string[]).includes(name)) {
    throw bindError(`Cannot register custom type '${name}' since it is a built-in type.`, stmt.name.span);
  }
  const existing = ctx.catalog.type(name);
  if (existing) {
    if (stmt.ifNotExists) {
      return {
        kind: 'local',
        run: async () => warningEntity(stmt.text, `A type with the same name already exists: ${name}`),
      };
    }
    throw bindError(
      `Cannot register custom type '${name}' since it is already registered with type: ${formatType(existing)}`,
      stmt.name.span,
    );
  }
  return {
    kind: 'command',
    command: { type: 'createType', name, sqlType: resolveTypeNode(stmt.type, ctx.types) },
  };
}

export function prepareDropType(stmt: DropTypeStmt, ctx: StatementContext): Prepared {
  const name = stmt.name.name;
  if (!ctx.catalog.type(name)) {
    if (stmt.ifExists)
      return { kind: 'local', run: async () => warningEntity(stmt.text, `Type ${name} does not exist.`) };
    throw bindError(`Type ${name} does not exist.`, stmt.name.span);
  }
  return { kind: 'command', command: { type: 'dropType', name } };
}
