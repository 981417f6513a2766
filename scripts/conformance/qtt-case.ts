import type { QttCaseNode, QttPost, QttRecord, QttTopic } from './qtt-schema';

/**
 * One runnable QTT case: a test entry expanded for one `format` entry and one `config` entry,
 * with `{FORMAT}` and `{CONFIG}` already substituted.
 */
export interface QttCase {
  /** The QTT file name, e.g. `project-filter.json`. */
  readonly file: string;
  /** ksqlDB's full name: `<file> - <name>[ - <FORMAT>][ - <config>]`. */
  readonly name: string;
  /** Position of this variant among the file's variants (stable across runs of the same file). */
  readonly index: number;
  readonly format?: string;
  readonly config?: string;
  readonly statements: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
  readonly topics: readonly QttTopic[];
  readonly inputs: readonly QttRecord[];
  readonly outputs: readonly QttRecord[];
  readonly expectedException?: {
    readonly type?: string;
    readonly message?: string;
    readonly causeMessage?: string;
  };
  readonly post?: QttPost;
  readonly enabled: boolean;
  /** The test entry as written (for classification that must see the unexpanded text). */
  readonly node: QttCaseNode;
}
