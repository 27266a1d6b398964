/**
 * The app's clock, read only here in the composition root and passed down, so pure code and tests
 * never read the time themselves.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the browser's local time as `YYYY-MM-DD` (the office's calendar day). */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The current instant as an ISO timestamp, for import records. */
export const nowIso = (): string => new Date().toISOString();
