/**
 * ASCII slugs for Chinese department names, from their pinyin.
 */
import { createRequire } from 'node:module';

// pinyin-pro is loaded on first use, not with the build: its dictionary takes ~90 ms to load, and a
// build whose departments.yml comes from the parse cache makes no slug at all.
const require = createRequire(import.meta.url);
let pinyinPro: typeof import('pinyin-pro') | undefined;

// Two-character unit words stand as words of their own: 济源路|街道 → jiyuanlu-jiedao.
// One-character units (局, 委, 镇 …) stay with their name: 区统计局 → qutongjiju.
const unitWords = ['管委会', '办事处', '委员会', '办公室', '街道', '社区', '分局', '中心', '公司', '集团'];
const unitPattern = new RegExp(`(${unitWords.join('|')})`);

/**
 * The default slug of a department: the pinyin of its name, toneless, one
 * hyphen-separated word per name part (`济源路街道` → `jiyuanlu-jiedao`).
 * Latin letters and digits in the name are kept; ü is written v.
 */
export function departmentSlug(name: string): string {
  // Brackets, spaces and list marks separate words too: 区委宣传部（区文明办） → quweixuanchuanbu-quwenmingban.
  const parts = name.split(/[\s（）()【】[\]、·,，]+/).flatMap((part) => part.split(unitPattern));
  const { pinyin } = (pinyinPro ??= require('pinyin-pro') as typeof import('pinyin-pro'));
  const words = parts
    .map((part) =>
      pinyin(part, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ''),
    )
    .filter((word) => word.length > 0);
  return words.join('-');
}
