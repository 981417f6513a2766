#!/usr/bin/env node
// The `kappa` command (package.json "bin"): loads the TypeScript CLI through tsx, which the
// project already depends on, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
