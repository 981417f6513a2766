'use client';

import { useState } from 'react';
import type { SourceSummary } from '../../lib/contracts/catalog';
import { compactNumber } from '../../lib/client/format-value';
import { describeStatement, samplePushQuery, type CatalogActions } from './catalog-actions';
import styles from './catalog.module.css';
import { Icon } from '../ui/icon';

/** A stream or table: name and rate; expands to topic, formats, queries and typed columns. */
export function SourceItem({ source, actions }: { source: SourceSummary; actions: CatalogActions }) {
  const [open, setOpen] = useState(false);
  const rate = source.messagesPerSecond;
  return (
    <li className={styles.item} data-testid={`source-${source.name}`}>
      <div className={styles.itemRow}>
        <button
          type="button"
          className={styles.itemName}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          data-testid={`source-toggle-${source.name}`}
        >
          <span aria-hidden>{open ? '▾' : '▸'}</span> {source.name}
        </button>
        {rate !== null && rate > 0 && (
          <span className={styles.rate} title="messages per second on its topic">
            {compactNumber(rate)}/s
          </span>
        )}
        <span className={styles.itemActions}>
          <button
            type="button"
            onClick={() =>
              actions.openTab(describeStatement(source.name), { title: `DESCRIBE ${source.name}`, run: true })
            }
            aria-label={`Describe ${source.name}`}
            title="DESCRIBE"
            data-testid={`describe-${source.name}`}
          >
            <Icon name="info" />
          </button>
          <button
            type="button"
            onClick={() =>
              actions.openTab(samplePushQuery(source.name), {
                title: source.name,
                run: true,
                from: 'beginning',
              })
            }
            aria-label={`Query ${source.name} live`}
            title="Start a push query from the beginning"
            data-testid={`sample-${source.name}`}
          >
            <Icon name="play" />
          </button>
          {!source.isSource && (
            <button
              type="button"
              onClick={() => actions.insertInto(source)}
              aria-label={`Insert into ${source.name}`}
              title="Insert rows"
              data-testid={`insert-${source.name}`}
            >
              <Icon name="plus" />
            </button>
          )}
        </span>
      </div>
      {open && (
        <div className={styles.details}>
          <div className={styles.meta}>
            <span>topic {source.topic}</span>
            <span>
              {source.keyFormat}/{source.valueFormat}
            </span>
            {source.windowType && <span>{source.windowType} windows</span>}
          </div>
          <ul className={styles.columns} aria-label={`Columns of ${source.name}`}>
            {source.columns.map((c) => (
              <li key={c.name} className={styles.column}>
                <span>
                  {c.name}
                  {c.key && (
                    <span
                      className={styles.keyMark}
                      aria-label="key"
                      title={source.kind === 'TABLE' ? 'PRIMARY KEY' : 'KEY'}
                    >
                      <Icon name="key" size={10} />
                    </span>
                  )}
                </span>
                <span className={styles.type}>{c.type}</span>
              </li>
            ))}
          </ul>
          {(source.readQueries.length > 0 || source.writeQueries.length > 0) && (
            <div className={styles.meta}>
              {source.writeQueries.length > 0 && <span>written by {source.writeQueries.join(', ')}</span>}
              {source.readQueries.length > 0 && <span>read by {source.readQueries.join(', ')}</span>}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
