import type * as Monaco from 'monaco-editor';
import type { CompletionItem } from '../../lib/contracts/diagnostics';
import { engineRequests } from '../../lib/client/requests';
import { nearestName } from '../../lib/client/nearest-name';
import { statementColumns } from '../../lib/client/statement-columns';
import { spanRange } from './diagnostic-markers';
import { editorServices, placedDiagnostics } from './editor-services';
import { KSQL } from './ksql-language';

function completionKind(
  monaco: typeof Monaco,
  kind: CompletionItem['kind'],
): Monaco.languages.CompletionItemKind {
  const k = monaco.languages.CompletionItemKind;
  switch (kind) {
    case 'keyword':
      return k.Keyword;
    case 'stream':
    case 'table':
      return k.Class;
    case 'column':
      return k.Field;
    case 'function':
      return k.Function;
    case 'property':
      return k.Property;
    case 'type':
      return k.TypeParameter;
    case 'variable':
      return k.Variable;
    case 'snippet':
      return k.Snippet;
    default:
      return k.Value;
  }
}

const UNRESOLVED = /cannot be resolved|not found|does not exist|unknown column|invalid column/i;

/** Completion from the engine, hover docs for functions, quick fixes and formatting, for KSQL. */
export function registerEditorProviders(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider(KSQL, {
    triggerCharacters: ['.', ' ', '('],
    provideCompletionItems: async (model, position) => {
      const socket = editorServices.socket;
      if (!socket) return { suggestions: [] };
      const answer = await engineRequests.complete(socket, model.getValue(), model.getOffsetAt(position));
      if (!answer.ok) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      return {
        suggestions: answer.value.items.map((item) => ({
          label: item.label,
          kind: completionKind(monaco, item.kind),
          insertText: item.insertText ?? item.label,
          ...(item.detail ? { detail: item.detail } : {}),
          ...(item.documentation ? { documentation: item.documentation } : {}),
          ...(item.sortOrder !== undefined ? { sortText: String(item.sortOrder).padStart(6, '0') } : {}),
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(KSQL, {
    provideHover: (model, position) => {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const fn = editorServices.functions.get(word.word.toUpperCase());
      if (!fn) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [
          { value: `**${fn.label}**${fn.detail ? ` \`${fn.detail}\`` : ''}` },
          ...(fn.documentation ? [{ value: fn.documentation }] : []),
        ],
      };
    },
  });

  monaco.languages.registerCodeActionProvider(KSQL, {
    provideCodeActions: (model, _range, context) => {
      const actions: Monaco.languages.CodeAction[] = [];
      const placed = placedDiagnostics(model.uri.toString());
      for (const marker of context.markers) {
        const match = placed.find(
          (p) =>
            p.diagnostic.message === marker.message &&
            spanRange(model, p.baseOffset, p.diagnostic.span.start, p.diagnostic.span.end).startLineNumber ===
              marker.startLineNumber,
        );
        for (const fix of match?.diagnostic.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: true,
            edit: {
              edits: fix.edits.map((e) => ({
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: {
                  range: spanRange(model, match?.baseOffset ?? 0, e.span.start, e.span.end),
                  text: e.text,
                },
              })),
            },
          });
        }
        if (UNRESOLVED.test(marker.message)) {
          const word = model.getValueInRange(marker).replace(/[`"]/g, '');
          const statement = model.getLineContent(marker.startLineNumber);
          const near = nearestName(
            word,
            statementColumns(
              model.getValue().length < 20_000 ? model.getValue() : statement,
              editorServices.sources,
            ),
          );
          if (near && /^[A-Za-z_]\w*$/.test(word)) {
            actions.push({
              title: `Change to ${near}`,
              kind: 'quickfix',
              diagnostics: [marker],
              edit: {
                edits: [
                  {
                    resource: model.uri,
                    versionId: model.getVersionId(),
                    textEdit: { range: marker, text: near },
                  },
                ],
              },
            });
          }
        }
      }
      return { actions, dispose: () => undefined };
    },
  });

  monaco.languages.registerDocumentFormattingEditProvider(KSQL, {
    provideDocumentFormattingEdits: async (model) => {
      const socket = editorServices.socket;
      if (!socket) return [];
      const answer = await engineRequests.format(socket, model.getValue());
      if (!answer.ok || answer.value.text === null) return [];
      return [{ range: model.getFullModelRange(), text: answer.value.text }];
    },
  });
}
