/**
 * The seam for AI transformers (`.continue()`, issue by the AI engineer): in the browser they may
 * resolve after the pattern starts playing, but headless output must hold their results. The CLI
 * calls `awaitPendingTransformers()` after evaluation and before it queries anything.
 *
 * Until `src/ai/` exports a way to wait for them, this resolves at once.
 */
export async function awaitPendingTransformers(): Promise<void> {
  // Wire the AI module's `settled()` here when it lands.
}
