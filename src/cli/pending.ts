/**
 * AI transformers (`.continue()`) headless: in the browser their results may arrive after the
 * music starts, but CLI output must hold them. `evaluateSettled` evaluates through an AI host,
 * waits until every AI call has settled, and turns AI errors into user errors (with line:column),
 * so no command prints or writes a pattern whose AI part is missing.
 */
import { AiHost, installAiTransformers, type AiReport } from '../ai/index.ts';
import { createNodeAiClient } from '../ai/client/node.ts';
import { positionAt } from '../runtime/positions.ts';
import { patternLibrary } from './pattern-library.ts';
import { recordSampleMaps, type SampleMapRequest } from '../audio/sample-maps.ts';
import type { EvalResult } from '../runtime/result.ts';

export interface SettledEvaluation {
  result: EvalResult;
  /** AI calls that failed, as `line:column: message`. */
  aiErrors: string[];
  aiWarnings: string[];
  /** The code's `samples(…)` calls, in order. */
  sampleMaps: SampleMapRequest[];
}

function describe(code: string, report: AiReport): string {
  const at = report.status.from >= 0 ? positionAt(code, report.status.from) : { line: 1, column: 1 };
  const call = `.${report.status.fn}()`;
  return `${at.line}:${at.column}: ${report.message.startsWith(call) ? '' : `${call}: `}${report.message}`;
}

export async function evaluateSettled(code: string): Promise<SettledEvaluation> {
  const host = new AiHost({ client: () => createNodeAiClient() });
  installAiTransformers(host);
  const reports: AiReport[] = [];
  const stop = host.onReport((report) => reports.push(report));
  const sampleMaps = recordSampleMaps();
  try {
    const result = await host.evaluate(code, { patterns: patternLibrary(), scope: { samples: sampleMaps.samples } });
    await host.settled(); // every pending AI call is done before anything is queried
    return {
      result,
      aiErrors: reports.filter((r) => r.level === 'error').map((r) => describe(code, r)),
      aiWarnings: reports.filter((r) => r.level === 'warning').map((r) => describe(code, r)),
      sampleMaps: sampleMaps.requests,
    };
  } finally {
    stop();
    await host.dispose();
  }
}
