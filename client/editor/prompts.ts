/** The small text questions the toolbar asks (window.prompt for now). */

/**
 * Asks for a line of text. Returns the trimmed answer cut to `max` characters, '' when the
 * field was cleared, or null when the person cancelled.
 */
export function askText(message: string, initial: string | undefined, max: number): string | null {
  const answer = window.prompt(message, initial ?? '');
  if (answer === null) return null;
  return answer.trim().slice(0, max);
}

/** Tells the person something went wrong with their request. */
export function tell(message: string): void {
  window.alert(message);
}
