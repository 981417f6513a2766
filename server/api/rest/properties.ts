import { ErrorCodes } from '../../../lib/contracts/errors';
import { KappaError } from '../../errors/kappa-error';
import { CLIENT_PREFIXES, CLIENT_PROPERTIES, DENIED_PROPERTIES, KSQL_PROPERTIES } from './property-names';

type PropertyMap = Readonly<Record<string, string | number | boolean | null>> | null | undefined;

const STREAMS_PREFIX = 'ksql.streams.';

/** Why a property may not be set by a request, or undefined when it may (see property-names.ts). */
export function propertyProblem(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  if (DENIED_PROPERTIES.has(lower) || DENIED_PROPERTIES.has(strip(lower))) {
    return `Cannot override property '${name}'`;
  }
  if (lower.startsWith('ksql.') && !lower.startsWith(STREAMS_PREFIX)) {
    if (KSQL_PROPERTIES.has(lower) || lower.startsWith('ksql.functions.') || lower.startsWith('kappa.')) {
      return undefined;
    }
    return `Not recognizable as ksql, streams, consumer, or producer property: '${name}'`;
  }
  let client = strip(lower);
  for (const prefix of CLIENT_PREFIXES) {
    if (client.startsWith(prefix)) {
      client = client.slice(prefix.length);
      break;
    }
  }
  if (CLIENT_PROPERTIES.has(client) || client.startsWith('ssl.') || client.startsWith('sasl.')) {
    return undefined;
  }
  return `Not recognizable as ksql, streams, consumer, or producer property: '${name}'`;
}

function strip(name: string): string {
  return name.startsWith(STREAMS_PREFIX) ? name.slice(STREAMS_PREFIX.length) : name;
}

/** Request properties as the engine takes them (text values); unknown names are 40000. */
export function requestProperties(map: PropertyMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(map ?? {})) {
    const problem = propertyProblem(name);
    if (problem !== undefined) throw new KappaError(ErrorCodes.BAD_REQUEST, problem);
    if (value !== null) out[name] = String(value);
  }
  return out;
}

/** Session variables as text; ksqlDB accepts any JSON scalar. */
export function requestVariables(map: PropertyMap): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(map ?? {})) if (value !== null) out[name] = String(value);
  return out;
}

/**
 * Queries read from the latest offset unless told otherwise, as in ksqlDB (the engine reads both
 * spellings; this makes the REST default explicit whatever the engine's own default is).
 */
export function withQueryDefaults(properties: Record<string, string>): Record<string, string> {
  const set = Object.keys(properties).some((k) => {
    const lower = k.toLowerCase();
    return lower === 'auto.offset.reset' || lower === `${STREAMS_PREFIX}auto.offset.reset`;
  });
  return set ? properties : { ...properties, 'auto.offset.reset': 'latest' };
}
