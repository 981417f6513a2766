import type { CompletionItem, Diagnostic } from '../../lib/contracts/diagnostics';
import type { EngineSocket } from '../../lib/client/socket';

/**
 * What Monaco's language providers need from the page. Providers are registered once per Monaco
 * instance (globally, by language), so they read the current engine and catalog from here; the
 * workbench keeps it up to date.
 */
export interface EditorServices {
  socket: EngineSocket | null;
  /** Streams and tables with their columns, for "did you mean" fixes. */
  sources: readonly { name: string; columns: readonly { name: string }[] }[];
  /** Functions by upper-case name, for hover docs. */
  functions: ReadonlyMap<string, CompletionItem>;
}

export const editorServices: EditorServices = {
  socket: null,
  sources: [],
  functions: new Map(),
};

/** Diagnostics shown as markers, by model URI, with the offset their spans are relative to. */
export interface PlacedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly baseOffset: number;
}

const placed = new Map<string, Map<string, PlacedDiagnostic[]>>();

/** Records the diagnostics behind one owner's markers (so quick fixes can find their edits). */
export function setPlacedDiagnostics(modelUri: string, owner: string, items: PlacedDiagnostic[]): void {
  let byOwner = placed.get(modelUri);
  if (!byOwner) {
    byOwner = new Map();
    placed.set(modelUri, byOwner);
  }
  byOwner.set(owner, items);
}

export function placedDiagnostics(modelUri: string): PlacedDiagnostic[] {
  return [...(placed.get(modelUri)?.values() ?? [])].flat();
}

export function forgetModel(modelUri: string): void {
  placed.delete(modelUri);
}
