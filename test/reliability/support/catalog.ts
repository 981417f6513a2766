/** What an engine says its catalog holds, in a comparable form (names, topics, queries and sinks). */
import { ksql } from './rest';

interface Listed {
  readonly streams?: { name: string; topic: string }[];
  readonly tables?: { name: string; topic: string }[];
  readonly queries?: { id: string; sinks?: string[]; queryString?: string }[];
}

export async function catalogOf(url: string): Promise<string[]> {
  const entities = (await ksql(url, 'SHOW STREAMS; SHOW TABLES; SHOW QUERIES;')) as Listed[];
  const lines: string[] = [];
  for (const e of entities) {
    for (const s of e.streams ?? []) lines.push(`stream ${s.name} ${s.topic}`);
    for (const t of e.tables ?? []) lines.push(`table ${t.name} ${t.topic}`);
    for (const q of e.queries ?? []) lines.push(`query ${q.id} ${(q.sinks ?? []).join(',')}`);
  }
  return lines.sort();
}
