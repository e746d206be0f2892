/**
 * Did-you-mean suggestions for misspelt field and department names.
 */
import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `input`, or undefined when none is near enough to be
 * a plausible typo (more than a third of the longer word differs).
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
  const limit = Math.max(1, Math.ceil(Math.max(input.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}
