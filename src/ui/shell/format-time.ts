// Simulated time as the top bar shows it: the UTC date and time of the virtual clock.

/** `2026-11-23 09:14:05` (UTC) for an instant in ms. */
export function formatSimTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
