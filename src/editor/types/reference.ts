/**
 * The language reference as data, for an in-editor reference page: the same entries as
 * docs/reference.md (both generated from lang/*.d.ts by `npm run gen:reference`). Loaded on
 * demand, since it is large (every name the runtime registers, with docs and examples).
 */
import type { ReferenceEntry, ReferenceSection } from '../../../lang/gen/reference.ts';

export type { ReferenceEntry, ReferenceSection };

export async function loadReference(): Promise<ReferenceEntry[]> {
  const data = await import('../../../lang/reference.json');
  return data.default as ReferenceEntry[];
}

/** Entries whose name starts with the query (shortest first), then those that contain it; case-insensitive. */
export function searchReference(entries: readonly ReferenceEntry[], query: string): ReferenceEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  const starts = entries.filter((e) => e.name.toLowerCase().startsWith(q)).sort((a, b) => a.name.length - b.name.length);
  const contains = entries.filter((e) => !e.name.toLowerCase().startsWith(q) && e.name.toLowerCase().includes(q));
  return [...starts, ...contains];
}
