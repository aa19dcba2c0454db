/**
 * Command-line parsing: each command declares its options; anything else is a usage error.
 * `--name value`, `--name=value`, boolean flags, short aliases (`-o`, `-e`), positionals.
 */
import { USAGE, UserError } from './errors.ts';

export interface OptionSpec {
  /** Takes a value (`--cycles 4`) rather than being a flag (`--json`). */
  value: boolean;
  alias?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

export function parseArgs(command: string, argv: string[], specs: OptionSpecs): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const byAlias = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.alias ? [[spec.alias, name]] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('-') || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      const alias = byAlias.get(arg.slice(1));
      if (!alias) throw new UserError(`motif ${command}: unknown option ${arg} (see motif help)`, USAGE);
      name = alias;
    }
    const spec = specs[name];
    if (!spec) throw new UserError(`motif ${command}: unknown option --${name} (see motif help)`, USAGE);
    if (!spec.value) {
      if (inline !== undefined) throw new UserError(`motif ${command}: --${name} takes no value`, USAGE);
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UserError(`motif ${command}: --${name} needs a value`, USAGE);
    options[name] = value;
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberOption(command: string, args: ParsedArgs, name: string, check: (n: number) => boolean): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new UserError(`motif ${command}: --${name} got "${raw}", which is out of range`, USAGE);
  return value;
}
