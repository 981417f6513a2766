'use client';

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';

/**
 * Monaco from the npm package (never a CDN), with its editor worker bundled by Next. Without the
 * worker set-up the console shows "Failed to load worker script for label: editorWorkerService".
 */
let configured = false;

export function setUpMonaco(): typeof monaco {
  if (configured) return monaco;
  self.MonacoEnvironment = {
    getWorker: () =>
      new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' }),
  };
  loader.config({ monaco });
  configured = true;
  return monaco;
}
