/**
 * The commands' texts that are not problems of a file: summaries, status
 * lines, usage. One section per command; the problems themselves are the
 * rules of rules.ts.
 */
import type { Message } from './message.ts';

/** `1 issue`, `2 issues`: a count with its English noun. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Texts shared by every command that checks issues. */
export const checkTexts = {
  /** `2 个错误，1 个警告，共 14 个文件` */
  summary: {
    'zh-CN': ({ errors, warnings, files }) => `${errors} 个错误，${warnings} 个警告，共 ${files} 个文件`,
    en: ({ errors, warnings, files }) => `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`,
  } satisfies Message<{ errors: number; warnings: number; files: number }>,
  /** The check's last line: the summary, then what may be published. */
  outcome: {
    'zh-CN': ({ summary, issues, items }) => `${summary}；可以发布的有 ${issues} 期、${items} 条`,
    en: ({ summary, issues, items }) => `${summary}; ${plural(issues, 'issue')} with ${plural(items, 'item')} ready to publish`,
  } satisfies Message<{ summary: string; issues: number; items: number }>,
  usage: {
    'zh-CN': () => '用法：npm run check [-- --issues 文件夹] [--format text|github|json] [--lang en]',
    en: () => 'usage: npm run check [-- --issues DIR] [--format text|github|json] [--lang en]',
  } satisfies Message,
  /** `npm run check -- --help`. */
  help: {
    'zh-CN': () =>
      [
        '用法：npm run check [-- 选项]',
        '',
        '检查 issues/ 下的每一期和 issues/departments.yml：一次列出所有问题，每个一行',
        '（文件:行:列  error 或 warning  说明：怎么改  规则名），再按期列出找到的条数，',
        '方便和印刷版核对。有任何 error 时以状态 1 结束，只有 warning 时以状态 0 结束。',
        '',
        '选项：',
        '  --issues 文件夹            检查别的文件夹（默认 issues）',
        '  --format text|github|json  输出格式：text 给人看（默认）；github 输出 GitHub Actions',
        '                             注释，拉取请求里消息显示在文件的对应行上；json 输出 JSON 列表',
        '  --lang en                  用英文输出（也可以设环境变量 BULLETIN_LANG=en）',
        '  -h, --help                 显示这段说明',
        '',
        '每条规则的说明和改法：docs/editing.md 第五节“检查消息一览”。',
      ].join('\n'),
    en: () =>
      [
        'usage: npm run check [-- OPTIONS]',
        '',
        'Checks every issue under issues/ and issues/departments.yml: prints every problem at',
        'once, one a line (file:line:column  error or warning  message: hint  rule-id), then the',
        'items found in each issue, to compare with the paper. Exits 1 on any error, 0 on',
        'warnings alone.',
        '',
        'Options:',
        '  --issues DIR               check another folder (default: issues)',
        '  --format text|github|json  text for a person (the default); github writes GitHub',
        '                             Actions annotations, shown on the lines of the file in a',
        '                             pull request; json writes a list of records',
        '  --lang en                  write in English (or set BULLETIN_LANG=en)',
        '  -h, --help                 show this text',
        '',
        "Every rule and how to mend what it finds: docs/editing.md, section 5.",
      ].join('\n'),
  } satisfies Message,
  /** What one issue file holds, as split: `2023/035.md  第 35 期：8 条，文章 6 篇、简讯 2 条`. */
  found: {
    'zh-CN': ({ number, file, articles, briefs, valid }) =>
      `${file}  ${number === undefined ? '' : `第 ${number} 期：`}${articles + briefs} 条，文章 ${articles} 篇、简讯 ${briefs} 条${valid ? '' : '（有错误，不会发布）'}`,
    en: ({ number, file, articles, briefs, valid }) =>
      `${file}  ${number === undefined ? '' : `issue ${number}: `}${plural(articles + briefs, 'item')}, ${plural(articles, 'article')} and ${plural(briefs, 'brief')}${valid ? '' : ' (has errors, not published)'}`,
  } satisfies Message<{ number: number | undefined; file: string; articles: number; briefs: number; valid: boolean }>,
  unknownFormat: {
    'zh-CN': ({ given }) => `--format ${given}：没有这种格式；可用 text（默认）、github 或 json`,
    en: ({ given }) => `--format ${given}: no such format; use text (the default), github or json`,
  } satisfies Message<{ given: string }>,
  noFolder: {
    'zh-CN': ({ dir }) => `${dir}：没有这个文件夹；请给出放 departments.yml 和各年份文件夹的那个文件夹`,
    en: ({ dir }) => `${dir}: there is no such folder; give the folder that holds departments.yml and the year folders`,
  } satisfies Message<{ dir: string }>,
  unknownLanguage: {
    'zh-CN': ({ given }) => `--lang ${given}：不认得这种语言；可用 zh-CN（默认）或 en`,
    en: ({ given }) => `--lang ${given}: no such language; use zh-CN (the default) or en`,
  } satisfies Message<{ given: string }>,
};

/** Texts of `npm run build` and of the build process of `npm start`. */
export const buildTexts = {
  stopped: {
    'zh-CN': ({ summary, out }) => `${summary}：没有发布，${out}/ 保持原样`,
    en: ({ summary, out }) => `${summary}: build stopped, ${out}/ left as it was`,
  } satisfies Message<{ summary: string; out: string }>,
  built: {
    'zh-CN': ({ issues, items, out, time, summary }) => `已生成 ${issues} 期、${items} 条，写入 ${out}/，用时 ${time}（${summary}）`,
    en: ({ issues, items, out, time, summary }) => `Built ${plural(issues, 'issue')}, ${plural(items, 'item')} into ${out}/ in ${time} (${summary})`,
  } satisfies Message<{ issues: number; items: number; out: string; time: string; summary: string }>,
};

/** Texts of `npm start`. */
export const startTexts = {
  notRebuilt: {
    'zh-CN': () => '没有重新生成：预览仍是上一次成功生成的网站',
    en: () => 'Not rebuilt: still serving the last good site',
  } satisfies Message,
  serving: {
    'zh-CN': ({ out, url }) => `正在预览 ${out}/：${url} —— 修改期刊文件后页面会自动刷新`,
    en: ({ out, url }) => `Serving ${out}/ at ${url} — edit an issue and the page reloads`,
  } satisfies Message<{ out: string; url: string }>,
};
