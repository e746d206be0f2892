/**
 * The bulletin model: one zod schema per concept, every TypeScript type derived
 * from it (`z.infer`), so the shape is written exactly once.
 */
import { z } from 'zod';
import { isRealDate } from './calendar-date.ts';

/** A date written as YYYY-MM-DD, a real day or not. */
export const isoDateForm = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD`, a calendar date with no time zone attached. */
export const isoDateSchema = z
  .string()
  .regex(isoDateForm, 'a date written as YYYY-MM-DD')
  .refine((value) => isRealDate(...(value.split('-').map(Number) as [number, number, number])), 'a real calendar date');

/** Department slugs are lower-case ASCII words joined by hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case ASCII letters, digits and single hyphens');

/** One entry of issues/departments.yml, as an editor writes it. */
export const departmentEntrySchema = z.strictObject({
  name: z.string().trim().min(1),
  slug: slugSchema.optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
});

/** A reporting department, resolved: its slug is always known. */
export const departmentSchema = z.object({
  name: z.string().min(1),
  slug: slugSchema,
  aliases: z.array(z.string()),
});

/** A line of the distribution block: 本期送：… or 发：… */
export const distributionSchema = z.strictObject({
  label: z.string().trim().min(1),
  to: z.array(z.string().trim().min(1)).min(1),
});

/** The front matter of an issue file, as an editor writes it. */
export const frontMatterSchema = z.strictObject({
  publication: z.string().trim().min(1),
  issue: z.number().int().positive(),
  total: z.number().int().positive().optional(),
  title: z.string().trim().min(1).optional(),
  date: isoDateSchema,
  publisher: z.string().trim().min(1),
  distribution: z.array(distributionSchema).optional(),
  editors: z.array(z.string().trim().min(1)).optional(),
});

/** Where something came from: a path relative to the issues folder, and a point in it. */
export const sourceSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

/** An item of an issue: an article (with a headline) or a brief (marked △). */
export const itemSchema = z.object({
  /** Stable id from year, issue number and position: `2023-035-01`. */
  id: z.string().regex(/^\d{4}-\d{3,}-\d{2,}$/),
  /** 1-based position in the issue. */
  position: z.number().int().positive(),
  kind: z.enum(['article', 'brief']),
  /** The 【section】 the item stands in, without brackets; null outside sections. */
  section: z.string().nullable(),
  /** The article's headline, or for a brief a short title derived from its first clause. */
  headline: z.string().min(1),
  /** Canonical name of the reporting department (aliases resolved). */
  department: z.string().min(1),
  /** Sanitised HTML of the body, without the department attribution. */
  html: z.string(),
  /** Plain text of the body, paragraphs separated by blank lines. */
  text: z.string().min(1),
  source: sourceSchema,
});

/** An issue's printed original: its PDF, relative to the issues folder, and its size. */
export const originalSchema = z.object({
  file: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** One issue of the bulletin. */
export const issueSchema = z.object({
  publication: z.string().min(1),
  year: z.number().int().min(1900).max(9999),
  number: z.number().int().positive(),
  total: z.number().int().positive().nullable(),
  title: z.string().nullable(),
  date: isoDateSchema,
  publisher: z.string().min(1),
  distribution: z.array(distributionSchema),
  editors: z.array(z.string()),
  items: z.array(itemSchema).min(1),
  /** Path of the issue file relative to the issues folder, e.g. `2023/035.md`. */
  sourceFile: z.string(),
  /**
   * The printed original, when a PDF stands beside the issue file with its
   * name (`2023/035.pdf`): found and checked by the loader, not the parser.
   */
  original: originalSchema.optional(),
});

/** The whole archive: every valid issue, oldest first, and the department registry. */
export const bulletinSchema = z.object({
  issues: z.array(issueSchema),
  departments: z.array(departmentSchema),
});

export type DepartmentEntry = z.infer<typeof departmentEntrySchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];
export type Issue = z.infer<typeof issueSchema>;
export type Original = z.infer<typeof originalSchema>;
export type Bulletin = z.infer<typeof bulletinSchema>;

/** The front-matter field names, for did-you-mean suggestions on unknown fields. */
export const frontMatterFields = Object.keys(frontMatterSchema.shape) as (keyof FrontMatter)[];

/** The fields an editor must write in every issue file. */
export const requiredFrontMatterFields = frontMatterFields.filter(
  (key) => !frontMatterSchema.shape[key].safeParse(undefined).success,
);
