/**
 * Calendar dates as the model writes them, YYYY-MM-DD with no time zone:
 * one way to write a year, month and day, and one test that they name a day
 * of the calendar, for the schema, the editor tools and the search page's
 * issue lookup (no dependency, so the browser bundle may share it).
 */

/** `2023, 6, 1` → `2023-06-01`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when `year`, `month` (1–12) and `day` name a day of the calendar: 2023-02-30 does not. */
export function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
