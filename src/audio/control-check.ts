/**
 * Controls that no sound can be made of (pure): numbers that are NaN or infinite (`.gain(NaN)`,
 * a division by zero in a pattern function). Such an event is skipped and named, rather than
 * handed to the audio graph, where one NaN can silence the whole master bus.
 */

/** The controls of an event value whose numbers are NaN or infinite, with the value. */
export function nonFiniteControls(value: unknown): Array<{ control: string; value: number }> {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([control, v]) =>
    typeof v === 'number' && !Number.isFinite(v) ? [{ control, value: v }] : [],
  );
}

/** One line for the user about a control that is not a number a sound can use. */
export function nonFiniteMessage(control: string, value: number): string {
  return `${control} is ${value}: events with it are silent (check the .${control}(…) call and the numbers it gets)`;
}
