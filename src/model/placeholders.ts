/**
 * The placeholders the editor tools (import, new) write where they cannot know
 * the text. None is a valid value, so the check rejects a file until each is
 * filled in, and it names them as placeholders rather than as an unknown
 * department or a malformed date.
 */

/** Written where an item's department cannot be found: （待补充部门）. */
export const departmentPlaceholder = '待补充部门';
/** The scaffolded article's headline. */
export const headlinePlaceholder = '待补充标题';
/** The scaffolded article's text; its department is the department placeholder. */
export const textPlaceholder = '待补充正文。';
/** Written where the date cannot be found. */
export const datePlaceholder = '待补充日期';
/** Written where the issue number cannot be found. */
export const issuePlaceholder = '待补充期号';

/** Every placeholder, for a check that names them as such. */
export const placeholders = [departmentPlaceholder, datePlaceholder, issuePlaceholder, headlinePlaceholder, textPlaceholder] as const;
