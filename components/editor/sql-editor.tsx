'use client';

import Editor from '@monaco-editor/react';
import { setUpMonaco } from './monaco-setup';

setUpMonaco();

export interface SqlEditorProps {
  /** Initial text. The editor owns its text afterwards (a controlled value drops fast keystrokes). */
  readonly defaultValue: string;
  readonly onChange: (value: string) => void;
  readonly dark?: boolean;
}

/** The SQL editor. Loaded only in the browser (Monaco needs the DOM). */
export default function SqlEditor({ defaultValue, onChange, dark }: SqlEditorProps) {
  return (
    <div data-testid="sql-editor" style={{ height: '100%' }}>
      <Editor
        language="sql"
        theme={dark ? 'vs-dark' : 'vs'}
        defaultValue={defaultValue}
        onChange={(v) => onChange(v ?? '')}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: 'on',
          tabSize: 2,
        }}
      />
    </div>
  );
}
