'use client';

import { useEffect } from 'react';
import type { CatalogSnapshot } from '../../lib/contracts/catalog';
import type { CompletionItem } from '../../lib/contracts/diagnostics';
import { engineRequests } from '../../lib/client/requests';
import type { EngineSocket } from '../../lib/client/socket';
import { editorServices } from '../editor/editor-services';

/**
 * Keeps the editor's language providers pointed at the current engine and catalog, and loads the
 * function list (for hover docs) from the engine's completion once per connection.
 */
export function useEditorServices(
  socket: EngineSocket | null,
  connected: boolean,
  catalog: CatalogSnapshot | null,
): void {
  useEffect(() => {
    editorServices.socket = connected ? socket : null;
    if (!socket || !connected) return;
    let live = true;
    void engineRequests.complete(socket, 'SELECT ', 7).then((answer) => {
      if (!live || !answer.ok) return;
      const functions = new Map<string, CompletionItem>();
      for (const item of answer.value.items)
        if (item.kind === 'function') functions.set(item.label.toUpperCase(), item);
      editorServices.functions = functions;
    });
    return () => {
      live = false;
    };
  }, [socket, connected]);

  useEffect(() => {
    editorServices.sources = catalog?.sources ?? [];
  }, [catalog]);
}
