import { bindError } from '../bind/bind-error';
import { ErrorCodes } from '../../lib/contracts/errors';
import { KappaError } from '../errors/kappa-error';
import type { Statement } from '../sql/ast';
import { prepareAlterSource } from './handlers/alter-source';
import { prepareCreateAsSelect } from './handlers/create-as-select';
import { prepareCreateSource } from './handlers/create-source';
import { prepareDescribe, prepareDescribeFunction } from './handlers/describe';
import { prepareDropSource } from './handlers/drop-source';
import { prepareExplain } from './handlers/explain';
import { prepareInsertIntoSelect } from './handlers/insert-into-select';
import { prepareInsertValues } from './handlers/insert-values';
import { prepareSessionStatement } from './handlers/session-statements';
import { prepareShow } from './handlers/show';
import { prepareTerminate } from './handlers/terminate';
import { prepareCreateType, prepareDropType } from './handlers/types';
import type { Prepared, StatementContext } from './statement-context';

/** Routes a statement to its handler (one handler per statement kind, in handlers/). */
export async function prepareStatement(stmt: Statement, ctx: StatementContext): Promise<Prepared> {
  switch (stmt.kind) {
    case 'CreateSourceStmt':
      return prepareCreateSource(stmt, ctx);
    case 'CreateAsSelectStmt':
      return prepareCreateAsSelect(stmt, ctx);
    case 'InsertIntoSelectStmt':
      return prepareInsertIntoSelect(stmt, ctx);
    case 'InsertValuesStmt':
      return prepareInsertValues(stmt, ctx);
    case 'DropSourceStmt':
      return prepareDropSource(stmt, ctx);
    case 'AlterSourceStmt':
      return prepareAlterSource(stmt, ctx);
    case 'CreateTypeStmt':
      return prepareCreateType(stmt, ctx);
    case 'DropTypeStmt':
      return prepareDropType(stmt, ctx);
    case 'TerminateStmt':
    case 'PauseStmt':
    case 'ResumeStmt':
      return prepareTerminate(stmt, ctx);
    case 'SetPropertyStmt':
    case 'UnsetPropertyStmt':
    case 'DefineVariableStmt':
    case 'UndefineVariableStmt':
      return prepareSessionStatement(stmt, ctx);
    case 'ShowStmt':
      return prepareShow(stmt, ctx);
    case 'DescribeStmt':
    case 'DescribeSourcesStmt':
      return prepareDescribe(stmt, ctx);
    case 'DescribeFunctionStmt':
      return prepareDescribeFunction(stmt);
    case 'ExplainStmt':
      return prepareExplain(stmt, ctx);
    case 'SelectStmt':
    case 'PrintStmt':
      throw new KappaError(
        ErrorCodes.QUERY_ENDPOINT,
        "The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT",
        { statementText: stmt.text },
      );
    case 'RunScriptStmt':
      throw bindError(
        'RUN SCRIPT is executed by the client (the CLI reads the file and sends its statements).',
        stmt.span,
      );
    case 'AlterSystemStmt':
      throw bindError('ALTER SYSTEM is not supported.', stmt.span);
    case 'DescribeConnectorStmt':
    case 'CreateConnectorStmt':
    case 'DropConnectorStmt':
      throw bindError('Kafka Connect integration is not supported by Kappa.', stmt.span);
    case 'AssertTopicStmt':
    case 'AssertSchemaStmt':
    case 'AssertValuesStmt':
    case 'AssertTombstoneStmt':
    case 'AssertSourceStmt':
      throw bindError('ASSERT statements are not supported yet.', stmt.span);
  }
}
