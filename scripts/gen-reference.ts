/**
 * Writes docs/reference.md and lang/reference.json (the data the editor's reference page reads)
 * from the declarations in lang/. Run: npm run gen:reference
 */
import { writeFileSync } from 'node:fs';
import { declaredDocs } from '../lang/gen/declared-names.ts';
import { referenceEntries, referenceMarkdown } from '../lang/gen/reference.ts';

const entries = referenceEntries(declaredDocs());
const root = new URL('..', import.meta.url).pathname;
writeFileSync(`${root}docs/reference.md`, referenceMarkdown(entries));
writeFileSync(`${root}lang/reference.json`, `${JSON.stringify(entries, null, 1)}\n`);
console.log(`reference: ${entries.length} entries, ${entries.reduce((n, e) => n + e.examples.length, 0)} examples`);
