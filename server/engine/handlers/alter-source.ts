import { bindError } from '../../bind/bind-error';
import { resolveTypeNode } from '../../bind/types';
import type { AlterSourceStmt } from '../../sql/ast';
import type { Column } from '../../types/logical-schema';
import { checkFormatSupport } from '../ddl/format-rules';
import type { Prepared, StatementContext } from '../statement-context';

/** ALTER STREAM|TABLE name ADD COLUMN c TYPE, …: only for sources made by plain CREATE. */
export function prepareAlterSource(stmt: AlterSourceStmt, ctx: StatementContext): Prepared {
  const source = ctx.catalog.source(stmt.name.name);
  if (!source) throw bindError(`Source ${stmt.name.name} does not exist.`, stmt.name.span);
  if (source.kind !== stmt.sourceType) {
    throw bindError(
      `Incompatible data source type is ${source.kind}, but statement was ALTER ${stmt.sourceType}`,
      stmt.name.span,
    );
  }
  if (source.isSource) {
    const word = source.kind === 'TABLE' ? 'table' : 'stream';
    throw bindError(
      `Cannot alter ${word} '${source.name}': ALTER operations are not supported on source ${word}s.`,
      stmt.name.span,
    );
  }
  if (source.createdBy) {
    throw bindError(`ALTER command is not supported for CREATE ... AS statements.`, stmt.span);
  }
  const added: Column[] = stmt.addColumns.map((c) => {
    const name = c.name.name;
    if (source.schema.key.some((k) => k.name === name) || source.schema.value.some((v) => v.name === name)) {
      throw bindError(
        `Cannot add column \`${name}\` to schema. A column with the same name already exists.`,
        c.name.span,
      );
    }
    return { name, type: resolveTypeNode(c.type, ctx.types), namespace: 'VALUE' };
  });
  checkFormatSupport(source, source.schema.key, [...source.schema.value, ...added]);
  return { kind: 'command', command: { type: 'alterSource', name: source.name, addColumns: added } };
}
