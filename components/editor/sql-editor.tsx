'use client';

import Editor, { type OnMount } from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Diagnostic } from '../../lib/contracts/diagnostics';
import { engineRequests } from '../../lib/client/requests';
import { splitStatements, statementAt } from '../../lib/client/split-statements';
import { showDiagnostics } from './diagnostic-markers';
import { editorServices, type PlacedDiagnostic } from './editor-services';
import { KSQL, KSQL_THEMES } from './ksql-language';
import { setUpMonaco } from './monaco-setup';

const monaco = setUpMonaco();

export interface RunTarget {
  readonly text: string;
  /** Offset of `text` in the editor's text. */
  readonly offset: number;
}

export interface SqlEditorHandle {
  text(): string;
  /** The statements to run: at the cursor (or the selection's), or all of them. */
  runTargets(mode: 'cursor' | 'all'): RunTarget[];
  showRunDiagnostics(items: PlacedDiagnostic[]): void;
  applyEdits(
    baseOffset: number,
    edits: readonly { span: { start: number; end: number }; text: string }[],
  ): void;
  reveal(offset: number): void;
  focus(): void;
  format(): void;
  setText(text: string): void;
}

export interface SqlEditorProps {
  readonly tabId: string;
  /** Initial text of the tab. The editor owns its text afterwards (a controlled value drops fast keystrokes). */
  readonly defaultValue: string;
  readonly onChange: (tabId: string, value: string) => void;
  readonly onRun: (mode: 'cursor' | 'all') => void;
  readonly onStop: () => void;
  readonly onLiveDiagnostics: (diagnostics: readonly Diagnostic[], tabId: string) => void;
  readonly dark?: boolean;
  readonly connected: boolean;
  readonly handleRef: Ref<SqlEditorHandle>;
}

const LIVE = 'kappa-live';
const RUN = 'kappa-run';

/** The SQL editor: KSQL highlighting, engine completion and diagnostics, run/stop/format keys. */
export default function SqlEditor(props: SqlEditorProps) {
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  const diagnoseTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = props;
  });

  const diagnoseSoon = (delayMs = 400): void => {
    clearTimeout(diagnoseTimer.current);
    diagnoseTimer.current = setTimeout(() => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      const socket = editorServices.socket;
      if (!editor || !model || !socket) return;
      const tabId = latest.current.tabId;
      const version = model.getVersionId();
      void engineRequests.diagnose(socket, model.getValue()).then((answer) => {
        if (!answer.ok || model.isDisposed() || model.getVersionId() !== version) return;
        showDiagnostics(
          monaco,
          model,
          LIVE,
          answer.value.diagnostics.map((diagnostic) => ({ diagnostic, baseOffset: 0 })),
        );
        latest.current.onLiveDiagnostics(answer.value.diagnostics, tabId);
      });
    }, delayMs);
  };

  useEffect(() => {
    if (props.connected) diagnoseSoon(0);
    // Re-check when the tab or the connection changes.
  }, [props.tabId, props.connected]);

  useEffect(() => () => clearTimeout(diagnoseTimer.current), []);

  useImperativeHandle(props.handleRef, () => ({
    text: () => editorRef.current?.getValue() ?? '',
    runTargets: (mode) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return [];
      const all = model.getValue();
      if (mode === 'all') return splitStatements(all).map((s) => ({ text: s.text, offset: s.start }));
      const selection = editor.getSelection();
      if (selection && !selection.isEmpty()) {
        const base = model.getOffsetAt(selection.getStartPosition());
        return splitStatements(model.getValueInRange(selection)).map((s) => ({
          text: s.text,
          offset: base + s.start,
        }));
      }
      const cursor = model.getOffsetAt(editor.getPosition() ?? { lineNumber: 1, column: 1 });
      const found = statementAt(splitStatements(all), cursor);
      return found ? [{ text: found.text, offset: found.start }] : [];
    },
    showRunDiagnostics: (items) => {
      const model = editorRef.current?.getModel();
      if (model) showDiagnostics(monaco, model, RUN, items);
    },
    applyEdits: (baseOffset, edits) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return;
      editor.pushUndoStop();
      editor.executeEdits(
        'kappa-fix',
        edits.map((e) => {
          const from = model.getPositionAt(baseOffset + e.span.start);
          const to = model.getPositionAt(baseOffset + e.span.end);
          return {
            range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
            text: e.text,
          };
        }),
      );
      editor.pushUndoStop();
      editor.focus();
    },
    reveal: (offset) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return;
      const position = model.getPositionAt(offset);
      editor.setPosition(position);
      editor.revealPositionInCenter(position);
      editor.focus();
    },
    focus: () => editorRef.current?.focus(),
    format: () => void editorRef.current?.getAction('editor.action.formatDocument')?.run(),
    setText: (text) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model) return;
      editor.pushUndoStop();
      editor.executeEdits('kappa-open', [{ range: model.getFullModelRange(), text }]);
      editor.pushUndoStop();
    },
  }));

  const onMount: OnMount = (editor, m) => {
    editorRef.current = editor;
    editor.addAction({
      id: 'kappa.run',
      label: 'Run statement at cursor (or selection)',
      keybindings: [m.KeyMod.CtrlCmd | m.KeyCode.Enter],
      run: () => latest.current.onRun('cursor'),
    });
    editor.addAction({
      id: 'kappa.runAll',
      label: 'Run all statements',
      keybindings: [m.KeyMod.CtrlCmd | m.KeyMod.Shift | m.KeyCode.Enter],
      run: () => latest.current.onRun('all'),
    });
    editor.addCommand(
      m.KeyCode.Escape,
      () => latest.current.onStop(),
      '!suggestWidgetVisible && !findWidgetVisible && !renameInputVisible && !parameterHintsVisible && !markersNavigationVisible',
    );
    editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (model) monaco.editor.setModelMarkers(model, RUN, []);
      diagnoseSoon();
    });
    diagnoseSoon(0);
  };

  return (
    <div data-testid="sql-editor" style={{ height: '100%' }}>
      <Editor
        path={`tab-${props.tabId}.ksql`}
        defaultLanguage={KSQL}
        language={KSQL}
        theme={props.dark ? KSQL_THEMES.dark : KSQL_THEMES.light}
        defaultValue={props.defaultValue}
        onChange={(v) => latest.current.onChange(latest.current.tabId, v ?? '')}
        onMount={onMount}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: 'on',
          tabSize: 2,
          fixedOverflowWidgets: true,
          lightbulb: { enabled: 'on' as Monaco.editor.ShowLightbulbIconMode },
          ariaLabel: 'SQL editor',
        }}
      />
    </div>
  );
}
