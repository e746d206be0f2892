/**
 * The placeholders `npm run import` and `npm run new` write where the source
 * does not say something. Each is a value the check rejects (not a listed
 * department, not a date, not a number), so an issue is never published
 * before the editor has filled it in; the check names them as placeholders.
 */

/** Written where an item's department cannot be found: （待补充部门）. */
export const departmentPlaceholder = '待补充部门';
/** Written where the date cannot be found: `date: 待补充日期`. */
export const datePlaceholder = '待补充日期';
/** Written where the issue number cannot be found: `issue: 待补充期号`. */
export const issuePlaceholder = '待补充期号';
/** The headline of the article `npm run new` scaffolds. */
export const headlinePlaceholder = '待补充标题';
/** The text of the article `npm run new` scaffolds; it ends with the department placeholder. */
export const textPlaceholder = '待补充正文。';

/** Every placeholder, for a check that names them as such. */
export const placeholders = [departmentPlaceholder, datePlaceholder, issuePlaceholder, headlinePlaceholder, textPlaceholder] as const;
