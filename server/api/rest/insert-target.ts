import { ErrorCodes } from '../../../lib/contracts/errors';
import type { CatalogView } from '../../bind/catalog-view';
import { KappaError } from '../../errors/kappa-error';

/**
 * Resolves an /inserts-stream target as ksqlDB does: case-insensitive unless quoted, and not a
 * windowed source (its keys cannot be written as plain JSON). Returns the catalog name.
 */
export function insertTarget(catalog: CatalogView, requested: string): string {
  const quoted = /^`(.+)`$/.exec(requested) ?? /^"(.+)"$/.exec(requested);
  const name = quoted?.[1] ?? requested.toUpperCase();
  const source = catalog.source(name) ?? (quoted ? undefined : catalog.source(requested));
  if (source === undefined) {
    throw new KappaError(
      ErrorCodes.BAD_REQUEST,
      `Cannot insert values into an unknown stream/table: ${requested}`,
    );
  }
  if (source.window !== undefined) {
    throw new KappaError(
      ErrorCodes.BAD_REQUEST,
      `Cannot insert values into windowed stream/table: ${source.name}`,
    );
  }
  return source.name;
}
