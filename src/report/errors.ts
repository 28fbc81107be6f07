/**
 * A problem with the report's input (a missing or unreadable file, a broken manifest),
 * printed by the command as one line naming the file: never a stack trace.
 */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** The message of anything thrown, on one line. */
export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n').map(l => l.trim()).filter(l => l.length > 0).join(' ');
}
