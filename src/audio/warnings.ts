/** One warning per key (a sound name), however many events run into it. Pure. */
export class OnceWarnings {
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<(message: string) => void>();

  /** Emits `message` unless `key` has been warned about already. Returns whether it emitted. */
  warn(key: string, message: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    for (const listener of this.listeners) listener(message);
    return true;
  }

  listen(listener: (message: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
