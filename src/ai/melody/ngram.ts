/**
 * A trigram model over event ids with hierarchical additive smoothing (each order backs off to the
 * one below through a Dirichlet prior of strength `alpha`): the floor a neural melody model must
 * beat. Pure.
 */

const BOS = -1;

export interface NgramScore {
  totalNll: number;
  steps: number;
  correct: number;
}

export class TrigramModel {
  private readonly unigram: Float64Array;
  private unigramTotal = 0;
  private readonly bigram = new Map<number, Map<number, number>>();
  private readonly bigramTotals = new Map<number, number>();
  private readonly trigram = new Map<string, Map<number, number>>();
  private readonly trigramTotals = new Map<string, number>();

  constructor(
    readonly depth: number,
    readonly alpha = 1,
  ) {
    this.unigram = new Float64Array(depth);
  }

  /** Counts every event of each sequence (the first ones with start-of-sequence context). */
  train(sequences: number[][]): this {
    for (const s of sequences) {
      for (let t = 0; t < s.length; t++) {
        const w = s[t];
        const v = t >= 1 ? s[t - 1] : BOS;
        const u = t >= 2 ? s[t - 2] : BOS;
        this.unigram[w]++;
        this.unigramTotal++;
        bump(this.bigram, this.bigramTotals, v, w);
        bump(this.trigram, this.trigramTotals, `${u},${v}`, w);
      }
    }
    return this;
  }

  /** P(w | u, v) for every w. */
  distribution(u: number, v: number): Float64Array {
    const p = new Float64Array(this.depth);
    const a = this.alpha;
    const bi = this.bigram.get(v);
    const biTotal = this.bigramTotals.get(v) ?? 0;
    const key = `${u},${v}`;
    const tri = this.trigram.get(key);
    const triTotal = this.trigramTotals.get(key) ?? 0;
    for (let w = 0; w < this.depth; w++) {
      const p1 = (this.unigram[w] + 1) / (this.unigramTotal + this.depth);
      const p2 = ((bi?.get(w) ?? 0) + a * p1) / (biTotal + a);
      p[w] = ((tri?.get(w) ?? 0) + a * p2) / (triTotal + a);
    }
    return p;
  }

  /** NLL and next-step accuracy on events[1..] of each sequence (the positions the LSTM is scored on). */
  score(sequences: number[][]): NgramScore {
    const out: NgramScore = { totalNll: 0, steps: 0, correct: 0 };
    for (const s of sequences) {
      for (let t = 1; t < s.length; t++) {
        const p = this.distribution(t >= 2 ? s[t - 2] : BOS, s[t - 1]);
        out.totalNll -= Math.log(p[s[t]]);
        let best = 0;
        for (let w = 1; w < p.length; w++) if (p[w] > p[best]) best = w;
        if (best === s[t]) out.correct++;
        out.steps++;
      }
    }
    return out;
  }
}

function bump<K>(table: Map<K, Map<number, number>>, totals: Map<K, number>, key: K, w: number): void {
  let row = table.get(key);
  if (row === undefined) table.set(key, (row = new Map()));
  row.set(w, (row.get(w) ?? 0) + 1);
  totals.set(key, (totals.get(key) ?? 0) + 1);
}

/** Trains trigrams for each alpha and keeps the one with the lowest NLL on `valid`. */
export function tunedTrigram(depth: number, train: number[][], valid: number[][], alphas = [0.1, 0.3, 1, 3, 10]): TrigramModel {
  let best: { model: TrigramModel; nll: number } | null = null;
  for (const alpha of alphas) {
    const model = new TrigramModel(depth, alpha).train(train);
    const r = model.score(valid);
    const nll = r.totalNll / r.steps;
    if (best === null || nll < best.nll) best = { model, nll };
  }
  if (best === null) throw new Error('tunedTrigram: no alphas');
  return best.model;
}
