'use client';

import { memo } from 'react';
import type { ColumnInfo } from '../../lib/contracts/columns';
import { formatCell } from '../../lib/client/format-value';
import styles from './grid.module.css';

export interface GridRowProps {
  readonly values: readonly unknown[];
  readonly columns: readonly ColumnInfo[];
  readonly template: string;
  readonly top: number;
  readonly index: number;
  /** Raw change log of an upsert result: + for an upsert, − for a tombstone. */
  readonly op?: 'upsert' | 'delete';
  readonly flash: boolean;
  /** Changes when the row's key was updated, so the highlight restarts. */
  readonly updates: number;
  readonly onOpenJson: (value: unknown, column: string) => void;
}

/** One grid row; memoized, since only rows whose values changed need to render again. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { values, columns, op } = props;
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      data-testid="grid-row"
      className={`${styles.row} ${props.flash ? styles.flash : ''} ${op === 'delete' ? styles.tombstone : ''}`}
      style={{ top: props.top, gridTemplateColumns: props.template }}
      key={props.updates}
    >
      {op !== undefined && (
        <span
          role="gridcell"
          className={`${styles.cell} ${styles.op} ${op === 'delete' ? styles.opDelete : styles.opUpsert}`}
          title={op === 'delete' ? 'Deleted (tombstone)' : 'Upsert'}
        >
          {op === 'delete' ? '−' : '+'}
        </span>
      )}
      {columns.map((column, i) => {
        const cell = formatCell(values[i], column);
        const className = `${styles.cell} ${cell.kind === 'number' ? styles.number : ''} ${cell.kind === 'null' ? styles.null : ''} ${cell.kind === 'time' ? styles.time : ''}`;
        return (
          <span
            role="gridcell"
            key={column.name}
            className={className}
            title={cell.kind === 'nested' ? undefined : cell.text}
          >
            {cell.kind === 'nested' ? (
              <button
                type="button"
                className={styles.nested}
                onClick={() => props.onOpenJson(values[i], column.name)}
                aria-label={`Show ${column.name} as JSON`}
                data-testid="json-cell"
              >
                {cell.text}
              </button>
            ) : (
              cell.text
            )}
          </span>
        );
      })}
    </div>
  );
});
