/**
 * Pattern events (cycles) → notes on the audio clock (seconds), for an offline render. Pure.
 * The audio clock starts at the first rendered cycle; the render lasts the span plus a tail for
 * releases and reverb.
 */
export interface RenderNote {
  /** Onset on the audio clock, seconds from the start of the render. */
  time: number;
  /** Length of the event, seconds. */
  duration: number;
  /** The event's value, as superdough reads it (s, note, gain, …). */
  value: Record<string, unknown>;
  /** Where the event starts, in cycles (superdough uses it for cycle-synced effects). */
  cycle: number;
}

export interface ScheduleEvent {
  begin: number;
  end: number;
  value: unknown;
}

export interface RenderPlan {
  notes: RenderNote[];
  cps: number;
  /** Length of the span, seconds. */
  seconds: number;
}

/** Superdough reads objects; a bare value (`"c3 e3"`) is a note, as Strudel's `note()` would make it. */
export function soundValue(value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null) return { ...(value as Record<string, unknown>) };
  return { note: value };
}

export function planRender(events: ScheduleEvent[], span: { begin: number; end: number }, cps: number): RenderPlan {
  const notes = events
    .filter((event) => event.begin >= span.begin && event.begin < span.end)
    .map((event) => ({
      time: (event.begin - span.begin) / cps,
      duration: (event.end - event.begin) / cps,
      value: soundValue(event.value),
      cycle: event.begin,
    }))
    .sort((a, b) => a.time - b.time);
  return { notes, cps, seconds: (span.end - span.begin) / cps };
}
