import type * as Monaco from 'monaco-editor';
import type { Diagnostic } from '../../lib/contracts/diagnostics';
import { setPlacedDiagnostics, type PlacedDiagnostic } from './editor-services';

function severity(monaco: typeof Monaco, d: Diagnostic): Monaco.MarkerSeverity {
  switch (d.severity) {
    case 'error':
      return monaco.MarkerSeverity.Error;
    case 'warning':
      return monaco.MarkerSeverity.Warning;
    default:
      return monaco.MarkerSeverity.Info;
  }
}

/** The model range of a span that is relative to `baseOffset` (a statement's place in the script). */
export function spanRange(
  model: Monaco.editor.ITextModel,
  baseOffset: number,
  start: number,
  end: number,
): Monaco.IRange {
  const from = model.getPositionAt(baseOffset + start);
  const to = model.getPositionAt(baseOffset + Math.max(end, start + 1));
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}

/**
 * Shows diagnostics as markers at the server's spans. `owner` separates live diagnostics (as
 * you type) from those of the last run, so each can be replaced without touching the other.
 */
export function showDiagnostics(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  owner: string,
  items: readonly PlacedDiagnostic[],
): void {
  const markers = items.map(({ diagnostic: d, baseOffset }) => ({
    ...spanRange(model, baseOffset, d.span.start, d.span.end),
    severity: severity(monaco, d),
    message: d.message,
    source: 'kappa',
    ...(d.code !== undefined ? { code: String(d.code) } : {}),
  }));
  setPlacedDiagnostics(model.uri.toString(), owner, [...items]);
  monaco.editor.setModelMarkers(model, owner, markers);
}
