/**
 * Type-checks user code (as typed in the editor) against the language's declarations, in Node:
 * the same virtual-file rules as the editor's worker (user-file.ts), with the TypeScript compiler.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { langFiles } from './declared-names.ts';
import { LANG_COMPILER_OPTIONS, userFileText } from '../../src/editor/types/user-file.ts';

export interface UserDiagnostic {
  file: string;
  /** 1-based line and column in the user's code. */
  line: number;
  column: number;
  message: string;
  code: number;
}

const libDir = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));

/** Checks several user files in one program (faster than one program each). Keys are file names. */
export function typecheckUserFiles(files: Record<string, string>, extra: Record<string, string> = {}): UserDiagnostic[] {
  const memory = new Map<string, string>();
  for (const file of langFiles()) memory.set(`/lang/${basename(file)}`, readFileSync(file, 'utf8'));
  for (const [name, text] of Object.entries(extra)) memory.set(name, text);
  for (const [name, code] of Object.entries(files)) memory.set(`/user/${name}`, userFileText(code));
  const options: ts.CompilerOptions = { ...LANG_COMPILER_OPTIONS, baseUrl: '/', paths: { 'patterns/*': ['/patterns/*'] } };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => libDir;
  host.getDefaultLibFileName = (o) => join(libDir, ts.getDefaultLibFileName(o));
  host.fileExists = (name) => memory.has(name) || (name.startsWith(libDir) && ts.sys.fileExists(name));
  host.readFile = (name) => memory.get(name) ?? (name.startsWith(libDir) ? ts.sys.readFile(name) : undefined);
  host.getSourceFile = (name, version) => {
    const text = host.readFile(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, version);
  };
  host.getCurrentDirectory = () => '/';
  host.writeFile = () => undefined;
  const program = ts.createProgram([...memory.keys()], options, host);
  const out: UserDiagnostic[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (!diagnostic.file) {
      out.push({ file: '', line: 0, column: 0, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'), code: diagnostic.code });
      continue;
    }
    const at = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    out.push({
      file: diagnostic.file.fileName.replace(/^\/user\//, ''),
      line: at.line + 1,
      column: at.character + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      code: diagnostic.code,
    });
  }
  return out;
}
