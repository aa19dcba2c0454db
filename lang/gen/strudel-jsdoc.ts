/**
 * Reads the documentation Strudel ships in its installed sources (node_modules/@strudel/*\/*.mjs):
 * description, parameters, synonyms and examples of each documented name. Only the doc comments
 * are read (at generation time), never code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StrudelDoc {
  name: string;
  description: string;
  params: { name: string; type: string; optional: boolean; text: string }[];
  synonyms: string[];
  examples: string[];
  /** The package file the doc comes from, e.g. `@strudel/core/pattern.mjs`. */
  source: string;
}

const PACKAGES = ['core', 'mini', 'tonal'];

/** The name a doc block documents when it has no `@name`: the declaration that follows it. */
function followingName(after: string): string[] {
  const head = after.slice(0, 300);
  const patterns: RegExp[] = [
    /^\s*export\s+const\s*\{\s*([\w$,\s]+)\}\s*=/,
    /^\s*export\s+(?:async\s+)?(?:const|let|function\*?|class)\s+([\w$]+)/,
    /^\s*(?:const|let|function)\s+([\w$]+)/,
    /^\s*Pattern\.prototype\.([\w$]+)\s*=/,
    /^\s*(?:export\s+const\s+[\w$]+\s*=\s*)?register\(\s*\[?\s*'([\w$]+)'/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(head);
    if (match) return match[1]!.split(',').map((s) => s.trim()).filter(Boolean);
  }
  return [];
}

function parseBlock(block: string, after: string, source: string): StrudelDoc | null {
  const lines = block
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .trim();
  const parts = lines.split(/\n(?=@)|^(?=@)/);
  const description = parts[0]!.startsWith('@') ? '' : parts.shift()!.trim();
  const doc: StrudelDoc = { name: '', description, params: [], synonyms: [], examples: [], source };
  for (const part of parts) {
    const tag = /^@(\w+)\s*([\s\S]*)$/.exec(part);
    if (!tag) continue;
    const [, name, rest] = tag as unknown as [string, string, string];
    if (name === 'name') doc.name = rest.trim().split(/\s+/)[0]!;
    else if (name === 'synonyms') doc.synonyms = rest.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
    else if (name === 'example') doc.examples.push(rest.replace(/\s+$/, ''));
    else if (name === 'param') {
      const param = /^(?:\{([^}]*)\})?\s*(\[?)([\w$.]+)(?:=[^\]]*)?\]?\s*([\s\S]*)$/.exec(rest.trim());
      if (param) doc.params.push({ type: param[1] ?? '', optional: param[2] === '[', name: param[3]!, text: param[4]!.replace(/\s+/g, ' ').trim() });
    }
  }
  if (!doc.name) {
    const names = followingName(after);
    if (!names.length) return null;
    doc.name = names[0]!;
    for (const synonym of names.slice(1)) if (!doc.synonyms.includes(synonym)) doc.synonyms.push(synonym);
  }
  return doc;
}

/** Every documented name, by name and by each synonym. The first doc of a name wins. */
export function strudelDocs(root = new URL('../../node_modules/@strudel/', import.meta.url).pathname): Map<string, StrudelDoc> {
  const docs = new Map<string, StrudelDoc>();
  for (const pkg of PACKAGES) {
    const dir = join(root, pkg);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) {
      const text = readFileSync(join(dir, file), 'utf8');
      const blocks = /\/\*\*([\s\S]*?)\*\//g;
      for (let match = blocks.exec(text); match; match = blocks.exec(text)) {
        const doc = parseBlock(match[1]!, text.slice(match.index + match[0].length), `@strudel/${pkg}/${file}`);
        if (!doc) continue;
        for (const name of [doc.name, ...doc.synonyms]) if (!docs.has(name)) docs.set(name, doc);
      }
    }
  }
  return docs;
}
