/** GREATEST, LEAST and GEO_DISTANCE. */
import { compareValues } from '../../../types/compare';
import type { ScalarSpec, TypeContext } from '../define';

const CAT = 'MATHEMATICAL';

const ORDERABLE = new Set([
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DECIMAL',
  'STRING',
  'BYTES',
  'DATE',
  'TIME',
  'TIMESTAMP',
]);

function orderable(ctx: TypeContext): boolean {
  const t = ctx.bindings.get('T');
  return t !== undefined && ORDERABLE.has(t.kind);
}

function pick(sign: number): (...xs: unknown[]) => unknown {
  return (...xs) => {
    let best: unknown = null;
    for (const x of xs) {
      if (x === null || x === undefined) continue;
      if (best === null || compareValues(x, best) * sign > 0) best = x;
    }
    return best;
  };
}

const NUMERIC = new Set(['INTEGER', 'BIGINT', 'DECIMAL', 'DOUBLE']);

/**
 * ksqlDB's GREATEST/LEAST overloads are per type: numbers of different kinds fit several of them
 * (BIGINT, DECIMAL and DOUBLE for INT and BIGINT) unless one is a DOUBLE, which only DOUBLE fits.
 */
function mixedNumbers(ctx: TypeContext): boolean {
  const kinds = new Set(ctx.args.flatMap((t) => (t && NUMERIC.has(t.kind) ? [t.kind] : [])));
  return kinds.size > 1 && !kinds.has('DOUBLE');
}

const EARTH_RADIUS: Record<string, number> = { KM: 6371, KILOMETERS: 6371, MI: 3959, MILES: 3959 };

function toRadians(x: number): number {
  return x * 0.017453292519943295;
}

/** Great-circle distance by the haversine formula, as ksqlDB computes it. */
function geoDistance(
  lat1: number | null,
  lon1: number | null,
  lat2: number | null,
  lon2: number | null,
  unit: string | null = 'KM',
): number | null {
  if (lat1 === null || lon1 === null || lat2 === null || lon2 === null) return null;
  // A NULL unit means the default, kilometres (ksqlDB).
  const radius = EARTH_RADIUS[(unit ?? 'KM').trim().toUpperCase()];
  if (radius === undefined) throw new Error(`GEO_DISTANCE unit must be 'KM' or 'MI', got '${unit}'`);
  if (Math.abs(lat1) > 90 || Math.abs(lat2) > 90 || Math.abs(lon1) > 180 || Math.abs(lon2) > 180) {
    throw new Error(
      'valid latitude values for GEO_DISTANCE are in the range -90 to 90, longitudes -180 to 180',
    );
  }
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * radius * Math.asin(Math.sqrt(a));
}

export const MATH_EXTRA_FUNCTIONS: readonly ScalarSpec[] = [
  {
    name: 'GREATEST',
    messageName: 'greatest',
    category: CAT,
    description:
      'The largest non-NULL argument (numbers, strings, bytes, dates and times); NULL if all are NULL.',
    variants: [
      {
        params: ['val T', '...vals T'],
        returns: 'T',
        where: orderable,
        ambiguous: mixedNumbers,
        nulls: 'custom',
        impl: pick(1),
      },
    ],
  },
  {
    name: 'LEAST',
    messageName: 'least',
    category: CAT,
    description: 'The smallest non-NULL argument; NULL if all are NULL.',
    variants: [
      {
        params: ['val T', '...vals T'],
        returns: 'T',
        where: orderable,
        ambiguous: mixedNumbers,
        nulls: 'custom',
        impl: pick(-1),
      },
    ],
  },
  {
    name: 'GEO_DISTANCE',
    category: CAT,
    description:
      "The great-circle distance between two points given in decimal degrees, in 'KM' (default) or 'MI'.",
    variants: [
      {
        params: ['lat1 DOUBLE', 'lon1 DOUBLE', 'lat2 DOUBLE', 'lon2 DOUBLE'],
        returns: 'DOUBLE',
        impl: geoDistance,
      },
      {
        params: ['lat1 DOUBLE', 'lon1 DOUBLE', 'lat2 DOUBLE', 'lon2 DOUBLE', 'unit STRING'],
        returns: 'DOUBLE',
        nulls: 'custom',
        impl: geoDistance,
      },
    ],
  },
];
