/**
 * Numbers as bulletins print them: Arabic (35, full-width ３５) or Chinese
 * (九十, 五百一十六, a year written digit by digit: 二〇一七).
 */

const digits: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const units: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** The characters a printed number may be made of, for building patterns. */
export const numeralChars = '0-9０-９〇零一二两兩三四五六七八九十拾百佰千仟';

/**
 * The value of a printed number, or undefined when `text` is not one.
 * `35` → 35, `３５` → 35, `九十` → 90, `十六` → 16, `二〇一七` → 2017.
 */
export function parseNumeral(text: string): number | undefined {
  const value = text.trim().replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^[〇零一二两兩三四五六七八九十拾百佰千仟]+$/.test(value)) return undefined;
  // Without unit characters the numerals are digits in a row, as years are written.
  if (![...value].some((c) => c in units)) {
    return Number([...value].map((c) => digits[c]).join(''));
  }
  let total = 0;
  let pending: number | undefined;
  for (const char of value) {
    if (char in digits) {
      pending = digits[char];
    } else {
      // A unit without a digit before it counts once: 十六 is 16.
      total += (pending ?? 1) * units[char]!;
      pending = undefined;
    }
  }
  return total + (pending ?? 0);
}
