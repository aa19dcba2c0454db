/**
 * Collects the layers that one evaluation declares. The transpiler turns `$: expr` into
 * `expr.p('$')`, as Strudel's REPL expects, so `Pattern.prototype.p` must exist; Motif installs it
 * once and points it at whichever collector is active, instead of redefining it per evaluation.
 */
import { Pattern, silence } from '@strudel/core';

export interface LayerEntry {
  id: string;
  pattern: Pattern;
  /** Order of declaration, used to find the layer's statement in the code. */
  index: number;
}

export class LayerCollector {
  readonly entries: LayerEntry[] = [];
  private anonymous = 0;
  private declared = 0;
  allTransforms: ((pattern: Pattern) => Pattern)[] = [];
  /** One-line notes for the user about this evaluation (each once). */
  readonly notes = new Set<string>();
  eachTransform: ((pattern: Pattern) => Pattern) | null = null;

  /** Registers a layer; returns what the `.p()` call evaluates to. */
  add(rawId: string | number, pattern: Pattern): Pattern {
    const index = this.declared++;
    const id = String(rawId);
    if (id.startsWith('_') || id.endsWith('_')) return silence; // muted: `_$:` or `bass_:`
    const unique = id.includes('$') ? `${id}${this.anonymous++}` : id;
    const existing = this.entries.findIndex((entry) => entry.id === unique);
    if (existing >= 0) this.entries.splice(existing, 1);
    this.entries.push({ id: unique, pattern, index });
    return pattern;
  }

  /** Solo: if any layer id starts with `S` (e.g. `S$:`), only the soloed layers play. */
  audible(): LayerEntry[] {
    const soloed = this.entries.filter((entry) => entry.id.length > 1 && entry.id.startsWith('S'));
    return soloed.length ? soloed : this.entries;
  }
}

let active: LayerCollector | null = null;
let installed = false;

type PatternWithLayers = Pattern & { p?: (id: string | number) => Pattern };

function installLayerMethod(): void {
  if (installed) return;
  installed = true;
  const proto = Pattern.prototype as PatternWithLayers;
  proto.p = function (this: Pattern, id: string | number): Pattern {
    if (!active) return this;
    return active.add(id, this);
  };
  for (let i = 1; i < 10; i++) {
    Object.defineProperty(Pattern.prototype, `d${i}`, {
      get(this: PatternWithLayers) {
        return this.p?.(`d${i}`);
      },
      configurable: true,
    });
  }
}

/** Runs `body` with `collector` receiving the layers its code declares. */
export async function withLayerCollector<T>(collector: LayerCollector, body: () => Promise<T>): Promise<T> {
  installLayerMethod();
  const previous = active;
  active = collector;
  try {
    return await body();
  } finally {
    active = previous;
  }
}
