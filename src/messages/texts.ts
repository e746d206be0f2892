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
  /** A step of the build, as printed with its time (src/build/build-site.ts). */
  step: {
    'zh-CN': ({ step }) => ({ load: '读取并检查期刊', model: '建立网站模型', reuse: '沿用未变的页面', render: '生成页面（Eleventy）', index: '建立搜索索引（Pagefind）', publish: '发布' })[step],
    en: ({ step }) => ({ load: 'load and check issues', model: 'model the site', reuse: 'reuse unchanged pages', render: 'render pages (Eleventy)', index: 'build search index (Pagefind)', publish: 'publish' })[step],
  } satisfies Message<{ step: 'load' | 'model' | 'reuse' | 'render' | 'index' | 'publish' }>,
  /** Another build holds the output folder's lock: this one waits. */
  waiting: {
    'zh-CN': ({ pid, out }) => `另一个构建（进程 ${pid}）正在生成 ${out}/，等它完成后再开始……`,
    en: ({ pid, out }) => `Another build (process ${pid}) is writing ${out}/: waiting for it to finish…`,
  } satisfies Message<{ pid: number; out: string }>,
  /** The faults of src/build/build-fault.ts: one line each, the published site left as it was. */
  outputNotOurs: {
    'zh-CN': ({ path }) => `${path} 已经存在，但不是本工具生成的网站，构建不会替换或删除它：请用 --out 另选一个文件夹，或先把它移走（要随网站一起发布的文件，如 CNAME，请放进 public/）`,
    en: ({ path }) => `${path} exists but is not a site this tool built, so the build will neither replace nor delete it: choose another folder with --out, or move it away (files to publish with the site, such as CNAME, belong in public/)`,
  } satisfies Message<{ path: string }>,
  outputOverlapsSources: {
    'zh-CN': ({ path }) => `不能把网站生成到 ${path}：它与期刊文件夹或项目文件夹重叠（就是它、在它里面或包含它），生成时会替换其中的文件；请用 --out 另选一个文件夹，例如 _site`,
    en: ({ path }) => `The site cannot be built into ${path}: it is, is inside or holds the issues folder or the project, whose files a build would replace; choose another folder with --out, such as _site`,
  } satisfies Message<{ path: string }>,
  diskFull: {
    'zh-CN': ({ path }) => `磁盘已满，无法写入 ${path}：请腾出空间后重新构建；已发布的网站保持原样`,
    en: ({ path }) => `The disk is full: ${path} could not be written; free some space and build again. The published site is as it was`,
  } satisfies Message<{ path: string }>,
  noPermission: {
    'zh-CN': ({ path }) => `没有权限读写 ${path}：请检查它和它所在文件夹的权限后重新构建；已发布的网站保持原样`,
    en: ({ path }) => `No permission to read or write ${path}: check its permissions and its folder's, then build again. The published site is as it was`,
  } satisfies Message<{ path: string }>,
  readOnly: {
    'zh-CN': ({ path }) => `无法写入 ${path}：它所在的文件系统是只读的；请改用可写的位置（--out、--cache）后重新构建；已发布的网站保持原样`,
    en: ({ path }) => `${path} could not be written: its file system is read-only; build into a writable place (--out, --cache). The published site is as it was`,
  } satisfies Message<{ path: string }>,
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
