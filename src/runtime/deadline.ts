/**
 * Deadlines for user code (pure). User loops are instrumented (`loop-guard.ts`) to call
 * `checkLoop` on every iteration; once the running deadline has passed, the loop throws a
 * `DeadlineError` naming its line, so an endless loop stops the evaluation or the query it is in
 * instead of freezing the page and silencing the music. Deadlines nest: the inner one is never
 * later than the outer one.
 */

/** How long one evaluation's own code may run. */
export const EVALUATION_DEADLINE_MS = 1000;
/** How long one layer's query for one scheduler tick may run. */
export const TICK_QUERY_DEADLINE_MS = 200;
/** How long one layer's query for a headless command (query, export, render) may run. */
export const HEADLESS_QUERY_DEADLINE_MS = 10_000;

const now: () => number = (() => {
  const performance = (globalThis as { performance?: { now(): number } }).performance;
  return performance ? () => performance.now() : () => Date.now();
})();

let deadline = Infinity;
let budget = Infinity;
let iterations = 0;

export class DeadlineError extends Error {
  constructor(
    readonly budgetMs: number,
    readonly line: number,
  ) {
    super(`ran longer than ${budgetMs} ms at line ${line} (an endless loop?)`);
    this.name = 'DeadlineError';
  }
}

/** Arms a deadline `ms` from now (unless the running one is sooner); returns what disarms it. */
function arm(ms: number): () => void {
  const outer = { deadline, budget };
  const mine = now() + ms;
  if (mine < deadline) {
    deadline = mine;
    budget = ms;
  }
  return () => {
    deadline = outer.deadline;
    budget = outer.budget;
  };
}

/** Runs `body` with a deadline `ms` from now (or the outer one, if sooner). */
export function withDeadline<T>(ms: number, body: () => T): T {
  const disarm = arm(ms);
  try {
    return body();
  } finally {
    disarm();
  }
}

/** As `withDeadline` for async work: the deadline holds until the promise settles. */
export async function withDeadlineAsync<T>(ms: number, body: () => Promise<T>): Promise<T> {
  const disarm = arm(ms);
  try {
    return await body();
  } finally {
    disarm();
  }
}

/** Called by instrumented loops on each iteration; checks the clock every 256 iterations. */
export function checkLoop(line: number): void {
  if ((++iterations & 255) !== 0 || deadline === Infinity) return;
  if (now() > deadline) throw new DeadlineError(budget, line);
}
