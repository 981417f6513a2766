/** Builds the DESCRIBE FUNCTION / SHOW FUNCTIONS metadata from compiled specs. */
import type { Entry } from './registry';
import type { CompiledVariant } from './resolve';
import { formatPattern } from './signature';
import type { FunctionInfo, FunctionType } from './types';

interface DescribedSpec {
  readonly name: string;
  readonly description: string;
  readonly category?: string;
}

interface DescribedVariant extends CompiledVariant {
  readonly spec: { readonly returnsDoc?: string; readonly description?: string };
}

export function describeEntry(type: FunctionType, e: Entry<DescribedSpec, DescribedVariant>): FunctionInfo {
  return {
    name: e.spec.name,
    type,
    category: e.spec.category ?? (type === 'AGGREGATE' ? 'AGGREGATE' : type === 'TABLE' ? 'TABLE' : 'OTHER'),
    description: e.spec.description,
    author: 'Kappa',
    version: '',
    path: 'internal',
    signatures: e.variants.map((v) => ({
      arguments: v.params.map((p) => ({
        name: p.name,
        type: formatPattern(p.type),
        description: p.description,
        isVariadic: p.variadic,
      })),
      returnType: typeof v.returns === 'function' ? (v.spec.returnsDoc ?? 'ANY') : formatPattern(v.returns),
      description: v.spec.description ?? e.spec.description,
    })),
  };
}
