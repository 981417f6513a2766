'use client';

import { parsePlan, type PlanNode } from '../../lib/client/plan-tree';
import styles from './plan.module.css';

function Node({ node }: { node: PlanNode }) {
  return (
    <div className={styles.branch}>
      <div
        className={styles.node}
        data-kind={node.kind}
        title={node.columns ? `columns: ${node.columns}` : undefined}
      >
        <span className={styles.kind}>{node.kind}</span>
        <span className={styles.detail}>{node.detail}</span>
      </div>
      {node.children.length > 0 && (
        <>
          <div className={styles.arrow} aria-hidden>
            ▲
          </div>
          <div className={styles.children}>
            {node.children.map((child, i) => (
              <Node key={i} node={child} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

/** The pipeline of an EXPLAIN plan as boxes: the output on top, data flowing up from the sources. */
export function PlanGraph({ plan }: { plan: string }) {
  const roots = parsePlan(plan);
  if (roots.length === 0) return null;
  return (
    <div className={styles.graph} data-testid="plan-graph" role="img" aria-label="Query plan graph">
      {roots.map((root, i) => (
        <Node key={i} node={root} />
      ))}
    </div>
  );
}
