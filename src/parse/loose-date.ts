/**
 * Dates as editors type them besides YYYY-MM-DD: 2023-6-8, 2023/6/8,
 * 2023.6.8, 2023年6月8日, with full-width digits too. Each names one day
 * unambiguously (the year comes first), so the check reads it and suggests
 * the canonical form instead of refusing it.
 */
import { isoDate } from '../model/calendar-date.ts';

const loose = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)$/;

/**
 * The YYYY-MM-DD form of a loosely written date (which may still be no real
 * day, such as 2023-2-30), or undefined when `value` is no such date.
 */
export function readLooseDate(value: string): string | undefined {
  const match = loose.exec(value.normalize('NFKC').trim());
  if (!match) return undefined;
  const [, year, month = match[4]!, day = match[5]!] = match;
  return isoDate(Number(year), Number(month), Number(day));
}
