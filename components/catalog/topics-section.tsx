'use client';

import Link from 'next/link';
import { useState } from 'react';
import { compactNumber } from '../../lib/client/format-value';
import { createStreamFromTopic, type CatalogActions } from './catalog-actions';
import styles from './catalog.module.css';
import { Section } from './section';
import { useTopics } from './use-catalog';
import { Icon } from '../ui/icon';

/** Kafka topics with partitions and message counts; tail one, or create a stream over it. */
export function TopicsSection({ filter, actions }: { filter: string; actions: CatalogActions }) {
  const [open, setOpen] = useState(false);
  const topics = useTopics(open);
  const [showInternal, setShowInternal] = useState(false);
  const list = (topics.data ?? []).filter(
    (t) => (showInternal || !t.internal) && t.name.toLowerCase().includes(filter),
  );
  return (
    <Section
      title="Topics"
      count={topics.data ? list.length : null}
      testid="catalog-topics"
      onToggle={setOpen}
    >
      {topics.error && <p className={styles.error}>{topics.error}</p>}
      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={showInternal}
          onChange={(e) => setShowInternal(e.target.checked)}
          data-testid="show-internal-topics"
        />{' '}
        internal topics
      </label>
      <ul className={styles.list}>
        {list.map((t) => (
          <li key={t.name} className={styles.item} data-testid={`topic-${t.name}`}>
            <div className={styles.itemRow}>
              <Link
                href={`/topics/${encodeURIComponent(t.name)}`}
                className={styles.itemName}
                data-testid={`topic-link-${t.name}`}
                title="Open the topic: partitions and a live tail"
              >
                {t.name}
              </Link>
              <span className={styles.rate} title={`${t.partitions} partitions, ${t.messages} messages`}>
                {t.partitions}p · {compactNumber(t.messages)}
              </span>
              <span className={styles.itemActions}>
                <button
                  type="button"
                  onClick={() =>
                    actions.openTab(createStreamFromTopic(t.name), { title: `stream over ${t.name}` })
                  }
                  aria-label={`Create a stream over ${t.name}`}
                  title="Create a stream from this topic"
                  data-testid={`create-stream-${t.name}`}
                >
                  <Icon name="plus" />
                </button>
              </span>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}
