/** `motif query <file | -e code> --cycles A:B [--json] [--exact]`: the events whose onset lies in the span. */
import type { FractionValue } from '@strudel/core';
import { parseArgs, stringOption } from '../args.ts';
import { queryEvents, requireEvents, type PatternEvent } from '../events.ts';
import type { CliIO } from '../io.ts';
import { readSource } from '../read-source.ts';
import { loadPattern } from '../source.ts';
import { parseCycles } from '../span.ts';

export const queryUsage = 'motif query <file | -e code> [--cycles A:B] [--json] [--exact]';

function time(value: FractionValue, exact: boolean): number | string {
  return exact ? value.toFraction() : value.valueOf();
}

function line(event: PatternEvent, json: boolean, exact: boolean): string {
  const begin = time(event.begin, exact);
  const end = time(event.end, exact);
  if (json) return JSON.stringify({ begin, end, value: event.value });
  const value = typeof event.value === 'object' ? JSON.stringify(event.value) : String(event.value);
  return `${begin}\t${end}\t${value}`;
}

export async function queryCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs('query', argv, {
    cycles: { value: true, alias: 'c' },
    json: { value: false },
    exact: { value: false },
    eval: { value: true, alias: 'e' },
  });
  const span = parseCycles('query', stringOption(args, 'cycles') ?? '0:1');
  const source = await readSource('query', io.cwd, args.positionals[0], stringOption(args, 'eval'));
  const loaded = await loadPattern('query', source.name, source.code, io.stderr);
  const events = requireEvents('query', source.name, queryEvents(source.name, loaded.layers, span), span);
  const json = args.options.json === true;
  const exact = args.options.exact === true;
  io.stdout(events.map((event) => line(event, json, exact)).join('\n') + '\n');
  return 0;
}
