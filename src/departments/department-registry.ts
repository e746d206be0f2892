/**
 * Looks departments up by name or alias.
 */
import type { Department } from '../model/schema.ts';

/** The departments of an archive, looked up by any of their names. */
export interface DepartmentRegistry {
  readonly departments: readonly Department[];
  /** The department whose name or alias is `name` (spaces and parenthesis width ignored). */
  resolve(name: string): Department | undefined;
  /** Every name and alias, for did-you-mean suggestions. */
  readonly names: readonly string[];
  /**
   * True when departments.yml could not be read at all (missing, not UTF-8, not
   * YAML, not a list): its own message says so, and items are not reported one by one.
   */
  readonly unreadable?: boolean;
}

/**
 * Normalises a department name as editors type it: no spaces, full-width
 * brackets, no invisible characters (a zero-width space pasted from a web
 * page is warned about where it stands, and must not make the name unknown).
 */
export function normalizeDepartmentName(name: string): string {
  return name.replace(/[\s\u00AD\u200B-\u200F\u2060\uFEFF]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Builds the lookup for `departments`; `unreadable` when departments.yml could not be read. */
export function toRegistry(departments: readonly Department[], unreadable = false): DepartmentRegistry {
  const byName = new Map<string, Department>();
  for (const department of departments) {
    for (const name of [department.name, ...department.aliases]) {
      byName.set(normalizeDepartmentName(name), department);
    }
  }
  return {
    departments,
    resolve: (name) => byName.get(normalizeDepartmentName(name)),
    names: [...byName.keys()],
    ...(unreadable ? { unreadable } : {}),
  };
}
