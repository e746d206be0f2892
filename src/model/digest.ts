/**
 * Content digests of model objects: the SHA-256 of an object's JSON, in
 * which objects already digested appear as their digest. Page fingerprints
 * (src/site/page-plan.ts) and the search bundles' inputs hashes are made from
 * the digests of issues and items. The parse cache stores an issue's digests
 * with it, so a rebuild takes them from there instead of serialising every
 * item again (measured at 1,000 issues: ~0.2 s of a 2.5 s rebuild).
 */
import { hash } from 'node:crypto';
import type { Issue } from './schema.ts';

/** Digests by object: a Map (a build's memo) or a WeakMap (digests known from the parse cache). */
export interface DigestMemo {
  get(value: object): string | undefined;
  set(value: object, digest: string): unknown;
}

/** The digest of `value`, its parts that `memo` knows referred to by their digests. */
export function digestOf(value: object, memo: DigestMemo): string {
  const json = JSON.stringify(value, (_key, part: unknown) => {
    if (part !== value && typeof part === 'object' && part !== null) {
      const known = memo.get(part);
      if (known !== undefined) return `#${known}`;
    }
    return part;
  });
  return hashText(json);
}

/** The digests of an issue: its own (items by digest) and its items', in order. */
export interface IssueDigests {
  issue: string;
  items: string[];
}

/** Digests `issue` and its items into `memo` (those `known` has are taken from it) and returns them. */
export function digestIssue(issue: Issue, memo: DigestMemo, known?: DigestMemo): IssueDigests {
  const items = issue.items.map((item) => {
    const digest = memo.get(item) ?? known?.get(item) ?? digestOf(item, memo);
    memo.set(item, digest);
    return digest;
  });
  const own = memo.get(issue) ?? known?.get(issue) ?? digestOf(issue, memo);
  memo.set(issue, own);
  return { issue: own, items };
}

/** The digests of every issue of `issues` and of their items, by object; `known` ones taken as they are. */
export function digestIssues(issues: readonly Issue[], known?: DigestMemo): Map<object, string> {
  const memo = new Map<object, string>();
  for (const issue of issues) digestIssue(issue, memo, known);
  return memo;
}

/** SHA-256 of `text`, base64url: one call, no Hash object (~20,000 small hashes per build). */
export function hashText(text: string): string {
  return hash('sha256', text, 'base64url');
}
