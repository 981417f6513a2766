/**
 * The one error a serde throws. Deserializing a bad record throws it so that the engine can skip the
 * record, count it and write a processing-log entry; creating a serde for a schema the format cannot
 * hold throws it so that the engine can reject the statement.
 *
 * Messages follow ksqlDB's where it has one (e.g. `Can't convert type. sourceType: TextNode,
 * requiredType: BOOLEAN, path: $.FOO`). They do not name the topic: the engine adds that with
 * `describe(topic)`, which reads like ksqlDB's `Failed to deserialize value from topic: t. …`.
 */
export class SerdeError extends Error {
  override readonly name = 'SerdeError';

  constructor(
    message: string,
    /** Whether a key or a value failed, when known. */
    readonly target?: 'key' | 'value',
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }

  /** ksqlDB's processing-log wording for a failed deserialization. */
  describe(topic: string): string {
    return `Failed to deserialize ${this.target ?? 'record'} from topic: ${topic}. ${this.message}`;
  }
}

/** Any thrown value as a SerdeError for `target` (stack overflows and bugs included: never rethrow raw). */
export function asSerdeError(error: unknown, target?: 'key' | 'value'): SerdeError {
  if (error instanceof SerdeError) {
    return error.target !== undefined || target === undefined
      ? error
      : new SerdeError(error.message, target, { cause: error.cause });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SerdeError(message, target, { cause: error });
}
