/**
 * Base64 as ksqlDB's JSON and DELIMITED formats write BYTES: the standard alphabet with padding.
 * Reading is strict (Node's decoder silently skips junk; Jackson rejects it).
 */
const STRICT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The decoded bytes, or undefined if `text` is not padded standard base64. */
export function decodeBase64(text: string): Buffer | undefined {
  return STRICT.test(text) ? Buffer.from(text, 'base64') : undefined;
}

/** ksqlDB's message for bad base64; long values are cut so a log line stays a line. */
export function invalidBase64Message(text: string): string {
  const shown = text.length > 100 ? `${text.slice(0, 100)}…` : text;
  return `Value is not a valid Base64 encoded string: ${shown}`;
}
