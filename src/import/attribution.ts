/**
 * The department that reported an item, as bulletins print it: at the end of
 * the item in parentheses, （济源路街道）, （区财政局供稿）, (供稿：区财政局),
 * or as a heading line before the item. Parentheses holding reporters' names,
 * （许鹏飞、朱宁静）, are not a department.
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
// 供稿 ("contributed by") and its label forms only say that this is the department.
const contributed = /^(?:供稿(?:单位|單位)?\s*[：:]\s*(.+)|(.+?)\s*供稿)$/;
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
 * A line that only names a department (optionally followed by a colon), as
 * printed above its item; undefined for any other line.
 */
export function toDepartmentHeading(text: string, departments: DepartmentRegistry): string | undefined {
  const name = text.replace(/[：:]$/, '').trim();
  if (name === '' || [...name].length > 20) return undefined;
  return isDepartmentName(name, departments) ? name : undefined;
}
