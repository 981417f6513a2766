'use client';

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { registerEditorProviders } from './editor-providers';
import { registerKsqlLanguage } from './ksql-language';

/**
 * Monaco from the npm package (never a CDN), with its editor worker bundled by Next. Without the
 * worker set-up the console shows "Failed to load worker script for label: editorWorkerService".
 * Also registers the KSQL language and its engine-backed providers, once.
 */
let configured = false;

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  self.MonacoEnvironment = {
    getWorker: () =>
      new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' }),
  };
  loader.config({ monaco });
  registerKsqlLanguage(monaco);
  registerEditorProviders(monaco);
  configured = true;
  return monaco;
}
