/**
 * The catalogue of check rules. Every message the check reports carries one of
 * these ids, so editors (and docs/editing.md) can look a problem up by name.
 */

/** How bad a rule's finding is: errors stop the build, warnings do not. */
export type Severity = 'error' | 'warning';

/** A rule of the check: its severity and a one-line summary for the docs. */
export interface Rule {
  severity: Severity;
  summary: string;
}

/** Every rule, by stable id. */
export const rules = {
  'encoding-not-utf8': { severity: 'error', summary: 'The file is not UTF-8 text.' },
  'file-location': { severity: 'error', summary: 'An issue file is not at issues/YYYY/NNN.md.' },
  'file-name-mismatch': { severity: 'error', summary: "The file name does not match the issue's number." },
  'front-matter-missing': { severity: 'error', summary: 'The file has no --- front-matter block, or the block is not closed.' },
  'front-matter-language': { severity: 'error', summary: 'The front matter is not YAML (e.g. ---js, which would run code).' },
  'yaml-invalid': { severity: 'error', summary: 'The front-matter YAML cannot be read (or a field is written twice).' },
  'field-missing': { severity: 'error', summary: 'A required front-matter field is missing.' },
  'field-type': { severity: 'error', summary: 'A front-matter field has the wrong type or form.' },
  'field-unknown': { severity: 'error', summary: 'A front-matter field is not one the format knows.' },
  'issue-number-invalid': { severity: 'error', summary: 'The issue number is not a positive whole number.' },
  'date-invalid': { severity: 'error', summary: 'The date is not a real date written as YYYY-MM-DD.' },
  'date-year-mismatch': { severity: 'error', summary: "The date is not in the year of the issue's folder." },
  'issue-duplicate': { severity: 'error', summary: 'Two files have the same issue number in one year.' },
  'issue-empty': { severity: 'error', summary: 'The issue has no items.' },
  'item-outside': { severity: 'error', summary: 'Text stands before the first headline and is not a brief.' },
  'item-headline-empty': { severity: 'error', summary: 'A ## headline is empty.' },
  'item-body-empty': { severity: 'error', summary: 'An item has no text.' },
  'item-department-missing': { severity: 'error', summary: 'An item does not end with its department in parentheses (or ends with a parenthesis that is no department).' },
  'department-unknown': { severity: 'error', summary: 'A department is not listed in issues/departments.yml.' },
  'html-raw': { severity: 'error', summary: 'The body contains raw HTML, which the site removes.' },
  'date-order': { severity: 'warning', summary: 'A later issue number has an earlier date.' },
  'departments-missing': { severity: 'error', summary: 'issues/departments.yml is missing.' },
  'departments-invalid': { severity: 'error', summary: 'An entry of issues/departments.yml is malformed.' },
  'department-duplicate': { severity: 'error', summary: 'A department name or alias is listed twice.' },
  'department-slug-duplicate': { severity: 'error', summary: 'Two departments would get the same URL slug.' },
} as const satisfies Record<string, Rule>;

/** A stable rule id such as `department-unknown`. */
export type RuleId = keyof typeof rules;
