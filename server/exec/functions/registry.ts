/**
 * The compiled catalogue of built-in functions: signatures parsed once, looked up by upper-case name.
 */
import type { SqlType } from '../../types/sql-type';
import type {
  AggregateSpec,
  AggregateVariantSpec,
  ScalarSpec,
  TableSpec,
  TableVariantSpec,
  TypeContext,
  VariantSpec,
} from './define';
import type { CompiledVariant } from './resolve';
import { parseParam, parseTypePattern, type TypePattern } from './signature';

export interface ScalarVariant extends CompiledVariant {
  readonly spec: VariantSpec;
}
export interface AggregateVariant extends CompiledVariant {
  readonly spec: AggregateVariantSpec;
}
export interface TableVariant extends CompiledVariant {
  readonly spec: TableVariantSpec;
}

export interface Entry<S, V> {
  readonly spec: S;
  readonly variants: readonly V[];
}

interface VariantLike {
  readonly params: readonly string[];
  readonly returns: string | ((ctx: TypeContext) => SqlType);
  readonly where?: (ctx: TypeContext) => boolean;
}

function compileVariant<S extends VariantLike>(
  name: string,
  spec: S,
  order: number,
): CompiledVariant & { spec: S } {
  try {
    const params = spec.params.map(parseParam);
    params.slice(0, -1).forEach((p) => {
      if (p.variadic) throw new Error('only the last parameter may be variadic');
    });
    const returns: TypePattern | ((ctx: TypeContext) => SqlType) =
      typeof spec.returns === 'string' ? parseTypePattern(spec.returns) : spec.returns;
    return {
      spec,
      params,
      variadic: params[params.length - 1]?.variadic ?? false,
      returns,
      ...(spec.where ? { where: spec.where } : {}),
      order,
    };
  } catch (e) {
    throw new Error(`Bad signature for ${name}: ${(e as Error).message}`);
  }
}

export class Catalogue {
  readonly scalars = new Map<string, Entry<ScalarSpec, ScalarVariant>>();
  readonly aggregates = new Map<string, Entry<AggregateSpec, AggregateVariant>>();
  readonly tables = new Map<string, Entry<TableSpec, TableVariant>>();

  addScalars(specs: readonly ScalarSpec[]): void {
    for (const s of specs) {
      this.checkNew(s.name);
      this.scalars.set(s.name, { spec: s, variants: s.variants.map((v, i) => compileVariant(s.name, v, i)) });
    }
  }

  addAggregates(specs: readonly AggregateSpec[]): void {
    for (const s of specs) {
      this.checkNew(s.name);
      this.aggregates.set(s.name, {
        spec: s,
        variants: s.variants.map((v, i) => compileVariant(s.name, v, i)),
      });
    }
  }

  addTables(specs: readonly TableSpec[]): void {
    for (const s of specs) {
      this.checkNew(s.name);
      this.tables.set(s.name, { spec: s, variants: s.variants.map((v, i) => compileVariant(s.name, v, i)) });
    }
  }

  private checkNew(name: string): void {
    if (name !== name.toUpperCase()) throw new Error(`Function names are upper case: ${name}`);
    if (this.scalars.has(name) || this.aggregates.has(name) || this.tables.has(name)) {
      throw new Error(`Duplicate function ${name}`);
    }
  }
}
