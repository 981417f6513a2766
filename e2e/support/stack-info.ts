import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths';

export interface StackInfo {
  readonly appUrl: string;
  readonly engineUrl: string;
  readonly kafkaBootstrapServers: string;
}

export const stackFile = path.join(repoRoot, '.kappa', 'e2e-stack.json');

export function stackInfo(): StackInfo {
  const raw = process.env.KAPPA_E2E_STACK ?? fs.readFileSync(stackFile, 'utf8');
  return JSON.parse(raw) as StackInfo;
}
