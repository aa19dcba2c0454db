/**
 * Reads lang/*.d.ts with the TypeScript compiler API: which globals and which Pattern members
 * are declared, with their doc comments. The generator, the coverage test and the reference
 * generator share it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface DeclaredDoc {
  name: string;
  /** `global` for a function/const, `member` for a Pattern member. */
  kind: 'global' | 'member';
  file: string;
  /** 1-based line of the declaration in its file. */
  line: number;
  signature: string;
  description: string;
  params: { name: string; text: string }[];
  examples: string[];
  /** `@since` / other tags, kept as text. */
  tags: Record<string, string>;
}

export const LANG_DIR = new URL('..', import.meta.url).pathname;

/** The declaration files of the language, in a stable order. */
export function langFiles(dir = LANG_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));
}

function commentText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (!comment) return '';
  return typeof comment === 'string' ? comment : comment.map((c) => c.text).join('');
}

function docsOf(node: ts.Node, source: ts.SourceFile): Pick<DeclaredDoc, 'description' | 'params' | 'examples' | 'tags'> {
  const jsDocs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  const doc = jsDocs[jsDocs.length - 1];
  const out: Pick<DeclaredDoc, 'description' | 'params' | 'examples' | 'tags'> = { description: '', params: [], examples: [], tags: {} };
  if (!doc) return out;
  out.description = commentText(doc.comment).trim();
  for (const tag of doc.tags ?? []) {
    const name = tag.tagName.text;
    if (ts.isJSDocParameterTag(tag)) {
      out.params.push({ name: tag.name.getText(source), text: commentText(tag.comment).replace(/^\s*-\s*/, '').trim() });
    } else if (name === 'example') {
      out.examples.push(commentText(tag.comment).replace(/^\s*\n/, '').trimEnd());
    } else {
      out.tags[name] = commentText(tag.comment).trim();
    }
  }
  return out;
}

function signatureText(node: ts.Node, source: ts.SourceFile): string {
  const text = node.getText(source).replace(/\s+/g, ' ').trim();
  return text.replace(/^declare\s+/, '').replace(/;$/, '');
}

/** Every global value and every Pattern member declared in lang/, with its docs. */
export function declaredDocs(files = langFiles()): DeclaredDoc[] {
  const docs: DeclaredDoc[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const visitStatements = (statements: ts.NodeArray<ts.Statement>) => {
      for (const statement of statements) {
        if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
          visitStatements(statement.body.statements); // `declare global { … }`
        } else if (ts.isFunctionDeclaration(statement) && statement.name) {
          docs.push({ name: statement.name.text, kind: 'global', file, line: lineOf(statement), signature: signatureText(statement, source), ...docsOf(statement, source) });
        } else if (ts.isVariableStatement(statement)) {
          for (const decl of statement.declarationList.declarations) {
            if (ts.isIdentifier(decl.name)) {
              docs.push({ name: decl.name.text, kind: 'global', file, line: lineOf(statement), signature: signatureText(decl, source), ...docsOf(statement, source) });
            }
          }
        } else if (ts.isInterfaceDeclaration(statement) && statement.name.text === 'Pattern') {
          for (const member of statement.members) {
            if (!member.name) continue;
            const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(source);
            docs.push({ name, kind: 'member', file, line: lineOf(member), signature: signatureText(member, source), ...docsOf(member, source) });
          }
        }
      }
    };
    visitStatements(source.statements);
  }
  return docs;
}

/** Declared names, overloads merged: global values and Pattern members. */
export function declaredNames(files = langFiles()): { globals: Set<string>; members: Set<string> } {
  const docs = declaredDocs(files);
  return {
    globals: new Set(docs.filter((d) => d.kind === 'global').map((d) => d.name)),
    members: new Set(docs.filter((d) => d.kind === 'member').map((d) => d.name)),
  };
}
