/**
 * Did-you-mean suggestions for misspelt field and department names.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `input`, or undefined when none is near enough to be
 * a plausible typo: about a third of the longer word may differ (at least one
 * character), so 济源路街到 suggests 济源路街道 and lable label, but 区文旅局
 * does not suggest 区统计局.
 */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(input, candidate);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.round(Math.max(input.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}
