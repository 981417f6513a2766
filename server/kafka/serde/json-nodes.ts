/**
 * Parsed JSON as the serde sees it: what `JSON.parse` returns, plus two node kinds Jackson has and
 * JavaScript lacks. ksqlDB reads JSON through Jackson, so its coercions and error messages talk
 * about Jackson node classes (`TextNode`, `IntNode`, …); `jacksonNodeType` names ours the same way.
 */

/** A number whose text has more digits than a double keeps; read only for DECIMAL columns. */
export class JsonBigNumber {
  constructor(readonly text: string) {}
}

/** What Jackson returns for an empty document; reads as '' for STRING and fails for anything else. */
export class JsonMissing {
  static readonly INSTANCE = new JsonMissing();
  private constructor() {}
}

export const MISSING = JsonMissing.INSTANCE;

/** A JSON object node (not an array, not one of the special nodes above). */
export function isJsonObject(node: unknown): node is Record<string, unknown> {
  return (
    typeof node === 'object' &&
    node !== null &&
    !Array.isArray(node) &&
    !(node instanceof JsonBigNumber) &&
    !(node instanceof JsonMissing)
  );
}

const INT_MAX = 2147483647;
const FRACTION_OR_EXPONENT = /[.eE]/;
const LONG_MAX = 2 ** 63;

/** The Jackson class ksqlDB's messages name for a node (`sourceType: TextNode`). */
export function jacksonNodeType(node: unknown): string {
  if (node === null || node === undefined) return 'NullNode';
  switch (typeof node) {
    case 'string':
      return 'TextNode';
    case 'boolean':
      return 'BooleanNode';
    case 'number':
      if (!Number.isInteger(node)) return 'DecimalNode';
      if (node >= -INT_MAX - 1 && node <= INT_MAX) return 'IntNode';
      return node >= -LONG_MAX && node < LONG_MAX ? 'LongNode' : 'BigIntegerNode';
    default:
      if (Array.isArray(node)) return 'ArrayNode';
      if (node instanceof JsonMissing) return 'MissingNode';
      if (node instanceof JsonBigNumber)
        return FRACTION_OR_EXPONENT.test(node.text) ? 'DecimalNode' : 'BigIntegerNode';
      return 'ObjectNode';
  }
}

/** Compact JSON text of a parsed node, as Jackson writes an object tree (used for STRING coercion). */
export function stringifyNode(node: unknown): string {
  if (node instanceof JsonBigNumber) return node.text;
  if (node instanceof JsonMissing || node === undefined) return '';
  if (Array.isArray(node)) return `[${node.map((e) => stringifyNode(e)).join(',')}]`;
  if (isJsonObject(node)) {
    const parts: string[] = [];
    for (const k in node) parts.push(`${JSON.stringify(k)}:${stringifyNode(node[k])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(node);
}

/** True if the node tree holds a JsonBigNumber (only then is the slow stringifier needed). */
export function hasBigNumber(node: unknown): boolean {
  if (node instanceof JsonBigNumber) return true;
  if (Array.isArray(node)) return node.some(hasBigNumber);
  if (isJsonObject(node)) {
    for (const k in node) if (hasBigNumber(node[k])) return true;
  }
  return false;
}
