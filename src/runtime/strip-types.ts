/**
 * Removes TypeScript's type syntax from user code by overwriting it with spaces, so that every
 * other character keeps its offset: mini-notation locations, error positions and `$:` label
 * positions computed on the stripped code are valid in the user's text. Double-quoted strings and
 * labels are untouched, so the Strudel transpiler sees what the user wrote.
 *
 * Only erasable syntax is supported (annotations, interfaces, type aliases, generics, `as`,
 * `satisfies`, `!`, `declare`, type-only imports, access modifiers). Enums, namespaces and
 * parameter properties need code generation: they are reported, not rewritten.
 */
import ts from 'typescript';

export interface StripResult {
  /** The code with type syntax replaced by spaces; same length and line breaks as the input. */
  code: string;
  /** Unsupported TypeScript constructs, with their offsets in the code. */
  unsupported: { offset: number; message: string }[];
}

const MEMBER_MODIFIERS = new Set([
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.AbstractKeyword,
  ts.SyntaxKind.OverrideKeyword,
  ts.SyntaxKind.DeclareKeyword,
]);

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Strips type syntax. Code that TypeScript cannot parse is returned as it is, for acorn to report. */
export function stripTypes(code: string): StripResult {
  const source = ts.createSourceFile('user.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const chars = code.split('');
  const unsupported: StripResult['unsupported'] = [];
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const blankNode = (node: ts.Node) => blank(node.getStart(source), node.end);
  /** Blanks `: Type` (the colon before a type node, then the type). */
  const blankAnnotation = (type: ts.TypeNode) => {
    const colon = code.lastIndexOf(':', type.getStart(source));
    blank(colon >= 0 ? colon : type.getStart(source), type.end);
  };
  const blankList = (list: ts.NodeArray<ts.Node> | undefined) => {
    if (list) blank(list.pos - 1, list.end + 1); // the `<` before and the `>` after
  };

  const visit = (node: ts.Node): void => {
    if (
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      hasModifier(node, ts.SyntaxKind.DeclareKeyword) ||
      (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && node.isTypeOnly) ||
      ts.isIndexSignatureDeclaration(node) ||
      ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && !node.body) ||
      hasModifier(node, ts.SyntaxKind.AbstractKeyword)
    ) {
      blankNode(node);
      return;
    }
    if (ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node)) {
      unsupported.push({ offset: node.getStart(source), message: `TypeScript ${ts.isEnumDeclaration(node) ? 'enums' : 'namespaces'} are not supported: use a plain object` });
      return;
    }
    if (ts.isImportSpecifier(node) && node.isTypeOnly) {
      const next = code.slice(node.end).match(/^\s*,/);
      blank(node.getStart(source), node.end + (next ? next[0].length : 0));
      return;
    }
    if (ts.isParameter(node) && ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => MEMBER_MODIFIERS.has(m.kind))) {
      unsupported.push({ offset: node.getStart(source), message: 'Parameter properties are not supported: assign in the constructor body' });
    }
    if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword) {
      blankNode(node);
      return;
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
      visit(node.expression);
      blank(node.expression.end, node.end);
      return;
    }
    if (ts.isNonNullExpression(node)) {
      visit(node.expression);
      blank(node.end - 1, node.end);
      return;
    }
    if (ts.isTypeAssertionExpression(node)) {
      blank(node.getStart(source), node.expression.getStart(source));
      visit(node.expression);
      return;
    }
    if (ts.canHaveModifiers(node) && (ts.isClassElement(node) || ts.isParameter(node))) {
      for (const modifier of ts.getModifiers(node) ?? []) if (MEMBER_MODIFIERS.has(modifier.kind)) blankNode(modifier);
    }
    if ('questionToken' in node && (ts.isParameter(node) || ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node))) {
      const token = (node as { questionToken?: ts.Node }).questionToken;
      if (token) blankNode(token);
    }
    if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.exclamationToken) blankNode(node.exclamationToken);
    if ('typeParameters' in node) blankList((node as { typeParameters?: ts.NodeArray<ts.Node> }).typeParameters);
    if ((ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isExpressionWithTypeArguments(node) || ts.isTaggedTemplateExpression(node)) && node.typeArguments) {
      blankList(node.typeArguments);
    }
    if ('type' in node && node.type && ts.isTypeNode(node.type as ts.Node) && !ts.isTypeNode(node)) {
      if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node) || ts.isFunctionLike(node)) {
        blankAnnotation(node.type as ts.TypeNode);
      }
    }
    ts.forEachChild(node, (child) => {
      if (ts.isTypeNode(child) && !ts.isExpressionWithTypeArguments(child)) return; // already blanked with its annotation, or inside one
      visit(child);
    });
  };
  ts.forEachChild(source, visit);
  return { code: chars.join(''), unsupported };
}
