'use client';

import { PlanGraph } from '../queries/plan-graph';
import styles from './results.module.css';

type Entity = Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A list of objects as a small table (columns: the union of their keys). */
export function ObjectTable({ rows, testid }: { rows: readonly unknown[]; testid?: string }) {
  const objects = rows.filter(isRecord);
  const columns = [...new Set(objects.flatMap((o) => Object.keys(o)))];
  if (objects.length === 0) return <p className={styles.muted}>(none)</p>;
  return (
    <table className={styles.table} data-testid={testid}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {objects.map((o, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c}>{text(o[c])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function fieldRows(fields: unknown): { name: string; type: string; key: string }[] {
  if (!Array.isArray(fields)) return [];
  return fields.filter(isRecord).map((f) => {
    const schema = isRecord(f['schema']) ? f['schema'] : {};
    return { name: text(f['name']), type: text(schema['type']), key: text(f['type']) };
  });
}

/**
 * A ksqlDB `/ksql` entity in plain words: the status message of a DDL statement, the rows of a
 * SHOW listing, the fields of DESCRIBE, the plan of EXPLAIN.
 */
export function EntityView({ entity }: { entity: Entity | null }) {
  if (!entity) return <p className={styles.ok}>Done.</p>;
  const type = text(entity['@type']);
  const status = isRecord(entity['commandStatus']) ? entity['commandStatus'] : null;
  const warnings = Array.isArray(entity['warnings']) ? entity['warnings'].filter(isRecord) : [];
  const description = isRecord(entity['sourceDescription']) ? entity['sourceDescription'] : null;
  const query = isRecord(entity['queryDescription']) ? entity['queryDescription'] : null;
  const listKey = Object.keys(entity).find((k) => Array.isArray(entity[k]) && k !== 'warnings');
  return (
    <div className={styles.entity} data-testid="statement-result" data-entity-type={type}>
      {status && <p className={styles.ok}>{text(status['message']) || text(status['status'])}</p>}
      {typeof entity['message'] === 'string' && <p>{entity['message']}</p>}
      {warnings.map((w, i) => (
        <p key={i} className={styles.warn}>
          ⚠ {text(w['message'])}
        </p>
      ))}
      {description && (
        <>
          <h3 className={styles.entityTitle}>
            {text(description['type'])} {text(description['name'])}
          </h3>
          <p className={styles.muted}>
            topic {text(description['topic'])} · key {text(description['keyFormat'])} · value{' '}
            {text(description['valueFormat'])}
          </p>
          <ObjectTable rows={fieldRows(description['fields'])} testid="describe-fields" />
        </>
      )}
      {query && (
        <>
          <h3 className={styles.entityTitle}>Plan {text(query['id']) !== 'N/A' ? text(query['id']) : ''}</h3>
          <PlanGraph plan={text(query['executionPlan'])} />
          <pre className={styles.pre} data-testid="plan-text">
            {text(query['executionPlan'])}
          </pre>
        </>
      )}
      {!description && !query && listKey && (
        <ObjectTable rows={entity[listKey] as unknown[]} testid={`entity-${listKey}`} />
      )}
      {!status && !description && !query && !listKey && typeof entity['message'] !== 'string' && (
        <pre className={styles.pre}>{JSON.stringify(entity, null, 2)}</pre>
      )}
    </div>
  );
}
