/**
 * EXPLAIN's plan text — one line per node, `> [ KIND ] details  [columns]`, children indented two
 * spaces below their parent — read back into a tree for the plan graph.
 */
export interface PlanNode {
  readonly kind: string;
  readonly detail: string;
  readonly columns: string;
  readonly children: PlanNode[];
}

const LINE = /^(\s*)>\s*\[\s*([^\]]+?)\s*\]\s*(.*?)(?:\s{2}\[(.*)\])?\s*$/;

export function parsePlan(text: string): PlanNode[] {
  const roots: PlanNode[] = [];
  const stack: { depth: number; node: PlanNode }[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length;
    const node: PlanNode = { kind: m[2] ?? '', detail: m[3] ?? '', columns: m[4] ?? '', children: [] };
    while (stack.length > 0 && (stack.at(-1)?.depth ?? 0) >= depth) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ depth, node });
  }
  return roots;
}
