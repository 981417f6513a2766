import {
  CompleteRequestSchema,
  DiagnoseRequestSchema,
  FormatRequestSchema,
} from '../../../lib/contracts/editor';
import type { EngineApi } from '../../engine/engine-api';
import type { Logger } from '../../log/logger';
import { ackHandler } from './ack';
import type { SocketFeature } from './socket-server';

export interface EditorFeatureDeps {
  readonly engine: Pick<EngineApi, 'diagnose' | 'complete' | 'format'>;
  readonly logger: Logger;
}

const CompleteRequestChecked = CompleteRequestSchema.refine((r) => r.offset <= r.text.length, {
  message: 'offset is beyond the end of the text',
  path: ['offset'],
});

/** Editor support over the engine's parser and catalog: diagnostics, completion, formatting. */
export function editorFeature(deps: EditorFeatureDeps): SocketFeature {
  const { engine, logger } = deps;
  return (socket) => {
    socket.on(
      'editor:diagnose',
      ackHandler(DiagnoseRequestSchema, logger, 'editor:diagnose', async (r) => ({
        diagnostics: await engine.diagnose(r.text, r.variables),
      })),
    );
    socket.on(
      'editor:complete',
      ackHandler(CompleteRequestChecked, logger, 'editor:complete', (r) => ({
        items: engine.complete(r.text, r.offset),
      })),
    );
    socket.on(
      'editor:format',
      ackHandler(FormatRequestSchema, logger, 'editor:format', (r) => engine.format(r.text)),
    );
  };
}
