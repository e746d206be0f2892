/**
 * The department that reported an item, as bulletins print it: at the end of
 * the item in parentheses, （济源路街道）, （区财政局供稿）, (供稿：区财政局),
 * （来源：区财政局）; on a line of its own after the item, 来源：区财政局,
 * 供稿：区财政局, 区财政局 供稿; or as a heading line before the item.
 * Parentheses holding reporters' names, （许鹏飞、朱宁静）, are not a department.
 */
import type { DepartmentRegistry } from '../departments/department-registry.ts';
import { sentencePunctuation } from './source-lines.ts';

/** A trailing parenthetical of a paragraph. */
export interface Attribution {
  /** The department's name as printed, without 供稿. */
  name: string;
  /** The paragraph text before the parentheses, trimmed. */
  before: string;
}

const trailing = /[（(]\s*([^（）()]+?)\s*[）)]\s*$/;
/**
 * 供稿 ("contributed by"), 来源 ("source") and their label forms, as a
 * pattern: they only say that what follows is the department.
 */
export const sourceLabel = '(?:供稿(?:单位|單位)?|信息来源|信息來源|稿件来源|稿件來源|来源|來源|稿源)';
const contributed = new RegExp(`^(?:${sourceLabel}\\s*[：:]\\s*(.+)|(.+?)\\s*供稿)$`);
// The endings of Chinese organisation names: 局, 街道, 委员会, 办公室 …
const unitEnding = /(?:局|委|办|辦|院|厅|廳|处|處|科|所|部|署|室|站|队|隊|馆|館|中心|街道|镇|鎮|乡|鄉|社区|社區|村|公司|集团|集團|委员会|委員會|办公室|辦公室|办事处|辦事處|管委会|管委會|学校|學校|医院|醫院|大队|大隊|支队|支隊|党委|黨委|党组|黨組|政府|法院|检察院|檢察院|分局|小组|小組|协会|協會|联合会|聯合會|工会|工會|团委|團委|妇联|婦聯|残联|殘聯|科协|科協)$/;

/**
 * Whether `name` names a department: listed in the registry (or an alias), or
 * shaped like an organisation's name. Lists of people (许鹏飞、朱宁静) are not.
 */
export function isDepartmentName(name: string, departments: DepartmentRegistry): boolean {
  if (departments.resolve(name)) return true;
  const compact = name.replace(/\s+/g, '');
  return compact.length >= 2 && compact.length <= 20 && !sentencePunctuation.test(compact) && !/、/.test(compact) && unitEnding.test(compact);
}

/**
 * The department closing a paragraph, or undefined when the paragraph does not
 * end in parentheses that name one.
 */
export function takeAttribution(text: string, departments: DepartmentRegistry): Attribution | undefined {
  const match = trailing.exec(text);
  if (!match) return undefined;
  const inner = match[1]!.trim();
  const label = contributed.exec(inner);
  const name = (label ? (label[1] ?? label[2])! : inner).trim();
  if (!label && !isDepartmentName(name, departments)) return undefined;
  if (label && (name === '' || sentencePunctuation.test(name))) return undefined;
  return { name, before: text.slice(0, match.index).trimEnd() };
}

/**
 * A line that names the item's source in words, 来源：区财政局, 供稿：区财政局,
 * 区财政局 供稿: the department's name and the words around it (left out of
 * the text, since the item's （区财政局） says it); undefined for any other line.
 */
export function toAttributionLine(text: string, departments: DepartmentRegistry): { name: string; dropped: string } | undefined {
  const match = contributed.exec(text.trim());
  if (!match) return undefined;
  const name = (match[1] ?? match[2]!).trim();
  if (name === '' || [...name].length > 20 || sentencePunctuation.test(name) || /、/.test(name)) return undefined;
  // 区财政局供稿 is a name before 供稿; 某某某供稿 without an office's ending may be a person.
  if (match[2] !== undefined && !isDepartmentName(name, departments)) return undefined;
  return { name, dropped: text.trim().replace(name, '') };
}

/**
 * A line that only names a department (optionally followed by a colon), as
 * printed above its item; undefined for any other line.
 */
export function toDepartmentHeading(text: string, departments: DepartmentRegistry): string | undefined {
  const name = text.replace(/[：:]$/, '').trim();
  if (name === '' || [...name].length > 20) return undefined;
  return isDepartmentName(name, departments) ? name : undefined;
}
