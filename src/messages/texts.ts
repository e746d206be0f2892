/**
 * The commands' texts that are not problems of a file: summaries, status
 * lines, usage. One section per command; the problems themselves are the
 * rules of rules.ts.
 */
import type { RemovedKind } from '../import/layout-noise.ts';
import type { StepName } from '../build/build-site.ts';
import type { Message } from './message.ts';

/** `1 issue`, `2 issues`: a count with its English noun. */
function plural(n: number, word: string): string {
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

/** Texts of the commands' options, shared by `npm run build` and `npm start`. */
export const commandTexts = {
  optionUnknown: {
    'zh-CN': ({ option }) => `不认得选项 ${option}`,
    en: ({ option }) => `Unknown option ${option}`,
  } satisfies Message<{ option: string }>,
  optionValueMissing: {
    'zh-CN': ({ option }) => `选项 ${option} 后面要写一个值`,
    en: ({ option }) => `The option ${option} needs a value`,
  } satisfies Message<{ option: string }>,
  argumentUnexpected: {
    'zh-CN': ({ argument }) => `多余的参数 ${argument}：选项要以 -- 开头，例如 --issues 文件夹`,
    en: ({ argument }) => `Unexpected argument ${argument}: options start with --, e.g. --issues DIR`,
  } satisfies Message<{ argument: string }>,
};

/** Texts of `npm run build` and of the build process of `npm start`. */
export const buildTexts = {
  usage: {
    'zh-CN': () =>
      [
        '用法：npm run build [-- --issues 文件夹] [--out 文件夹] [--cache 文件夹] [--lang en]',
        '',
        '检查全部期刊；全部通过才生成网站，并整个替换输出文件夹（有任何错误就什么也不写，原来的网站保持原样）。',
        '',
        '  --issues 文件夹   期刊文件夹（有 departments.yml 和各年份文件夹），默认 issues',
        '  --out 文件夹      要发布的网站写到这里，默认 _site',
        '  --cache 文件夹    生成时的缓存，默认项目里的 .cache',
        '  --lang en         消息改用英文（也可设 BULLETIN_LANG=en）',
        '  --help            显示这段说明',
      ].join('\n'),
    en: () =>
      [
        'usage: npm run build [-- --issues DIR] [--out DIR] [--cache DIR] [--lang en]',
        '',
        'Checks every issue; only when all pass, builds the site and replaces the output folder as a whole (on any error nothing is written and the site there stays as it was).',
        '',
        '  --issues DIR   the issues folder (departments.yml and the year folders), issues by default',
        '  --out DIR      where the site to publish is written, _site by default',
        "  --cache DIR    the build's caches, the project's .cache by default",
        '  --lang en      messages in English (or BULLETIN_LANG=en)',
        '  --help         show this text',
      ].join('\n'),
  } satisfies Message,
  /** The build's steps, by the name buildSite gives them (src/build/build-site.ts). */
  steps: {
    load: { 'zh-CN': () => '读取并检查期刊', en: () => 'load and check issues' },
    model: { 'zh-CN': () => '整理网站内容', en: () => 'model the site' },
    reuse: { 'zh-CN': () => '沿用没有变的页面', en: () => 'reuse unchanged pages' },
    render: { 'zh-CN': () => '生成页面（Eleventy）', en: () => 'render pages (Eleventy)' },
    index: { 'zh-CN': () => '建立检索索引（Pagefind）', en: () => 'build search index (Pagefind)' },
    publish: { 'zh-CN': () => '发布新网站', en: () => 'publish' },
  } satisfies Record<StepName, Message>,
  stopped: {
    'zh-CN': ({ summary, out }) => `${summary}：没有发布，${out}/ 保持原样`,
    en: ({ summary, out }) => `${summary}: build stopped, ${out}/ left as it was`,
  } satisfies Message<{ summary: string; out: string }>,
  built: {
    'zh-CN': ({ issues, items, out, time, summary }) => `已生成 ${issues} 期、${items} 条，写入 ${out}/，用时 ${time}（${summary}）`,
    en: ({ issues, items, out, time, summary }) => `Built ${plural(issues, 'issue')}, ${plural(items, 'item')} into ${out}/ in ${time} (${summary})`,
  } satisfies Message<{ issues: number; items: number; out: string; time: string; summary: string }>,
  /** A build that failed for a reason other than the check (a full disk, a folder it may not write). */
  failed: {
    'zh-CN': ({ error, out }) => `生成失败：${error}；${out}/ 保持原样`,
    en: ({ error, out }) => `The build failed: ${error}; ${out}/ left as it was`,
  } satisfies Message<{ error: string; out: string }>,
  /** Under `failed`, before the stack of an error that is a fault of the program. */
  failedTrace: {
    'zh-CN': () => '（以下是给开发人员的错误详情）',
    en: () => '(details for the developers)',
  } satisfies Message,
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
  usage: {
    'zh-CN': () =>
      [
        '用法：npm start [-- --issues 文件夹] [--out 文件夹] [--port 端口] [--host 主机] [--lang en]',
        '',
        '生成网站并在本机预览；修改期刊文件后自动重新生成、页面自动刷新。',
        '检查有错误时，每个页面上都会显示错误清单；有错误的那一期暂时不放进预览，其他期照常更新。',
        '预览只供自己查看：要发布的网站请用 npm run build 生成。',
        '',
        '  --issues 文件夹   期刊文件夹（有 departments.yml 和各年份文件夹），默认 issues',
        '  --out 文件夹      预览的网站写到这里，默认 _preview',
        '  --port 端口       预览的端口，默认 8080；被占用时自动改用下一个空闲端口',
        '  --host 主机       预览的地址，默认 localhost（只有本机能打开）',
        '  --lang en         消息改用英文（也可设 BULLETIN_LANG=en）',
        '  --help            显示这段说明',
      ].join('\n'),
    en: () =>
      [
        'usage: npm start [-- --issues DIR] [--out DIR] [--port PORT] [--host HOST] [--lang en]',
        '',
        'Builds the site and previews it on this computer; a change to an issue file rebuilds it and the page reloads.',
        'When the check finds errors, every page lists them; an issue with errors is left out of the preview while the others keep updating.',
        'The preview is for you alone: build the site to publish with npm run build.',
        '',
        '  --issues DIR   the issues folder (departments.yml and the year folders), issues by default',
        '  --out DIR      where the preview is built, _preview by default',
        '  --port PORT    the port of the preview, 8080 by default; the next free one when it is taken',
        '  --host HOST    the address of the preview, localhost by default (this computer only)',
        '  --lang en      messages in English (or BULLETIN_LANG=en)',
        '  --help         show this text',
      ].join('\n'),
  } satisfies Message,
  serving: {
    'zh-CN': ({ out, url }) => `正在预览 ${out}/：${url} —— 修改期刊文件后页面会自动刷新`,
    en: ({ out, url }) => `Serving ${out}/ at ${url} — edit an issue and the page reloads`,
  } satisfies Message<{ out: string; url: string }>,
  /** A preview build that left out the files with errors. */
  builtWithout: {
    'zh-CN': ({ built, files }) => `${built}；有错误的文件没有放进预览：${files.join('、')}`,
    en: ({ built, files }) => `${built}; left out of the preview, with errors: ${files.join(', ')}`,
  } satisfies Message<{ built: string; files: string[] }>,
  /** A preview build that errors stopped (departments.yml, or no issue left to show). */
  notRebuilt: {
    'zh-CN': ({ summary }) => `${summary}：没有重新生成，预览仍是上一次成功生成的网站`,
    en: ({ summary }) => `${summary}: not rebuilt, still serving the last good site`,
  } satisfies Message<{ summary: string }>,
  portInvalid: {
    'zh-CN': ({ given }) => `--port ${given}：不是端口号；请写 1 到 65535 之间的数字（0 表示任选一个空闲端口）`,
    en: ({ given }) => `--port ${given}: not a port; give a number from 1 to 65535 (0 for any free port)`,
  } satisfies Message<{ given: string }>,
  portTaken: {
    'zh-CN': ({ port, next }) => `端口 ${port} 已被占用，改用 ${next}`,
    en: ({ port, next }) => `Port ${port} is in use; using ${next}`,
  } satisfies Message<{ port: number; next: number }>,
  noFreePort: {
    'zh-CN': ({ first, last }) => `端口 ${first} 到 ${last} 都被占用了；请用 --port 指定别的端口`,
    en: ({ first, last }) => `Ports ${first} to ${last} are all in use; choose another with --port`,
  } satisfies Message<{ first: number; last: number }>,
  cannotListen: {
    'zh-CN': ({ host, port, reason }) => `不能在 ${host}:${port} 上预览（${reason}）；请换一个 --port 或 --host`,
    en: ({ host, port, reason }) => `Cannot serve the preview on ${host}:${port} (${reason}); choose another --port or --host`,
  } satisfies Message<{ host: string; port: number; reason: string }>,
  builderStopped: {
    'zh-CN': () => '生成网站的进程意外退出了；保存文件后会重新开始',
    en: () => 'The build process stopped unexpectedly; it starts again at the next save',
  } satisfies Message,
  /** The overlay on every page of the preview while the check finds errors. */
  overlay: {
    heading: {
      'zh-CN': ({ errors, warnings }) => `检查发现 ${errors} 个错误${warnings > 0 ? `、${warnings} 个警告` : ''}`,
      en: ({ errors, warnings }) => `The check found ${plural(errors, 'error')}${warnings > 0 ? ` and ${plural(warnings, 'warning')}` : ''}`,
    } satisfies Message<{ errors: number; warnings: number }>,
    leftOut: {
      'zh-CN': ({ files }) => `有错误的文件没有放进预览：${files.join('、')}。其他期照常更新；改正并保存后，页面会自动刷新。`,
      en: ({ files }) => `Left out of the preview, with errors: ${files.join(', ')}. The other issues keep updating; fix and save, and the page reloads.`,
    } satisfies Message<{ files: string[] }>,
    stopped: {
      'zh-CN': () => '因为这些错误，预览没有重新生成，仍是上一次成功生成的网站；改正并保存后，页面会自动刷新。',
      en: () => 'Because of these errors the preview was not rebuilt and shows the last good site; fix and save, and the page reloads.',
    } satisfies Message,
    failedHeading: {
      'zh-CN': () => '生成网站时出错',
      en: () => 'The build failed',
    } satisfies Message,
    failed: {
      'zh-CN': ({ error }) => `${error}。预览仍是上一次成功生成的网站；详情见终端。`,
      en: ({ error }) => `${error}. The preview shows the last good site; the terminal has the details.`,
    } satisfies Message<{ error: string }>,
    more: {
      'zh-CN': ({ count }) => `还有 ${count} 条，见终端或 npm run check`,
      en: ({ count }) => `${count} more: see the terminal or npm run check`,
    } satisfies Message<{ count: number }>,
    error: { 'zh-CN': () => '错误', en: () => 'error' } satisfies Message,
    warning: { 'zh-CN': () => '警告', en: () => 'warning' } satisfies Message,
    rule: {
      'zh-CN': ({ ruleId, url }) => `规则 ${ruleId}，说明见 ${url}`,
      en: ({ ruleId, url }) => `rule ${ruleId}, explained in ${url}`,
    } satisfies Message<{ ruleId: string; url: string }>,
    dismiss: { 'zh-CN': () => '收起', en: () => 'Hide' } satisfies Message,
  },
  /** The page the preview shows when there is no site to show yet. */
  nothingBuilt: {
    'zh-CN': () => '还没有可以预览的网站：第一次生成没有成功。请按页面上或终端里的消息改正，保存后页面会自动刷新。',
    en: () => 'There is no site to preview yet: the first build did not succeed. Fix what the messages here or in the terminal say, save, and the page reloads.',
  } satisfies Message,
  notFound: {
    'zh-CN': () => '没有这个页面。',
    en: () => 'There is no such page.',
  } satisfies Message,
  badRequest: {
    'zh-CN': () => '这个地址不对。',
    en: () => 'This address is not valid.',
  } satisfies Message,
};

/** What the import calls each kind of line it leaves out as layout. */
const removedKinds: Record<RemovedKind, { 'zh-CN': string; en: string }> = {
  'page-number': { 'zh-CN': '页码', en: 'page number' },
  'running-head': { 'zh-CN': '页眉', en: 'running head' },
  rule: { 'zh-CN': '分隔线', en: 'rule' },
  marking: { 'zh-CN': '刊头标注', en: 'masthead marking' },
  'print-count': { 'zh-CN': '印数', en: 'print run' },
};

/** Texts of `npm run import`. */
export const importTexts = {
  usage: {
    'zh-CN': () =>
      [
        '用法：npm run import -- 稿件文件 [--out issues/年份/三位期号.md] [--force] [--issues 文件夹] [--lang en]',
        '',
        '把一期简报的稿件（Word .docx、PDF、.txt 或 .md）变成期刊文件，默认写到 issues/年份/三位期号.md，',
        '然后像 npm run check 一样检查它，并列出去掉的排版内容和需要处理的地方。',
        '',
        '选项：',
        '  --out 路径        写到指定位置（刊头没有期号或日期时必须给）',
        '  --force           目标文件已存在时覆盖它（不加就从不覆盖）',
        '  --issues 文件夹   期刊文件夹不是 issues/ 时指定（部门名单从其中的 departments.yml 读取）',
        '  --lang en         用英文显示消息（也可以设环境变量 BULLETIN_LANG=en）',
        '  --help            显示这段说明',
        '',
        '退出码：0 已写出，检查通过；1 什么也没有写；2 已写出，但检查还有错误要改。',
        '详见 docs/editing.md。',
      ].join('\n'),
    en: () =>
      [
        'usage: npm run import -- FILE [--out issues/YYYY/NNN.md] [--force] [--issues DIR] [--lang en]',
        '',
        "Turns an issue's source (Word .docx, PDF, .txt or .md) into its issue file, by default at issues/YYYY/NNN.md,",
        'checks it as npm run check does, and lists what was left out as layout and what needs attention.',
        '',
        'options:',
        '  --out PATH     write there (needed when the masthead gives no number or date)',
        '  --force        overwrite the file if it exists (without it, nothing is ever overwritten)',
        '  --issues DIR   the issues folder, when it is not issues/ (its departments.yml is read)',
        '  --lang en      messages in English (or set BULLETIN_LANG=en)',
        '  --help         show this text',
        '',
        'Exit codes: 0 written and checked clean; 1 nothing written; 2 written, but the check reports errors to fix.',
        'See docs/editing.md.',
      ].join('\n'),
  } satisfies Message,
  oneFile: {
    'zh-CN': () => '请给出一个要导入的文件，例如 npm run import -- 第35期.docx（npm run import -- --help 显示用法）',
    en: () => 'Give exactly one file to import, e.g. npm run import -- 第35期.docx (npm run import -- --help shows the usage)',
  } satisfies Message,
  notFound: {
    'zh-CN': ({ file }) => `${file}：没有这个文件，请检查路径；什么也没有写`,
    en: ({ file }) => `${file}: no such file, check the path; nothing was written`,
  } satisfies Message<{ file: string }>,
  isFolder: {
    'zh-CN': ({ file }) => `${file}：这是文件夹，不是文件；什么也没有写`,
    en: ({ file }) => `${file}: is a folder, not a file; nothing was written`,
  } satisfies Message<{ file: string }>,
  cannotRead: {
    'zh-CN': ({ file, code }) => `${file}：读不了（${code}）；什么也没有写`,
    en: ({ file, code }) => `${file}: cannot be read (${code}); nothing was written`,
  } satisfies Message<{ file: string; code: string }>,
  exists: {
    'zh-CN': ({ file }) => `${file} 已经存在：要覆盖就加 --force，或用 --out 写到别处；什么也没有写`,
    en: ({ file }) => `${file} already exists: pass --force to overwrite it, or --out another path; nothing was written`,
  } satisfies Message<{ file: string }>,
  cannotWrite: {
    'zh-CN': ({ file, code }) => `${file} 写不进去（${code}）；什么也没有写`,
    en: ({ file, code }) => `${file} cannot be written (${code}); nothing was written`,
  } satisfies Message<{ file: string; code: string }>,
  lostSummary: {
    'zh-CN': () => '什么也没有写：请按 docs/editing.md 手工录入这一期，并把这个稿件交给技术人员。',
    en: () => 'Nothing was written. Enter the issue by hand (see docs/editing.md) and hand this file to the developers.',
  } satisfies Message,
  wrote: {
    'zh-CN': ({ file, items, articles }) => `已写出 ${file}：${items} 条（文章 ${articles} 篇，简讯 ${items - articles} 条），请和原稿核对条数`,
    en: ({ file, items, articles }) => `Wrote ${file}: ${plural(items, 'item')} (${plural(articles, 'article')}, ${plural(items - articles, 'brief')})`,
  } satisfies Message<{ file: string; items: number; articles: number }>,
  note: {
    'zh-CN': ({ text }) => `说明：${text}`,
    en: ({ text }) => `Note: ${text}`,
  } satisfies Message<{ text: string }>,
  removedHeader: {
    'zh-CN': ({ count }) => `去掉的排版内容（${count} 行，不是正文，没有写进文件）：`,
    en: ({ count }) => `Left out as layout (${plural(count, 'line')}, not text, not in the file):`,
  } satisfies Message<{ count: number }>,
  removedLine: {
    'zh-CN': ({ place, kind, text }) => `  ${place}  ${removedKinds[kind]['zh-CN']}「${text}」`,
    en: ({ place, kind, text }) => `  ${place}  ${removedKinds[kind].en} 「${text}」`,
  } satisfies Message<{ place: string; kind: RemovedKind; text: string }>,
  findingsHeader: {
    'zh-CN': ({ file }) => `原稿里要处理的地方（行号是 ${file} 的行号）：`,
    en: ({ file }) => `Needs your attention (lines of ${file}):`,
  } satisfies Message<{ file: string }>,
  newDepartmentsHeader: {
    'zh-CN': ({ file }) => `新部门（不在 ${file} 里）：核对后把下面几行粘贴到 ${file} 的末尾：`,
    en: ({ file }) => `New departments (not in ${file}): check them, then paste these lines at the end of ${file}:`,
  } satisfies Message<{ file: string }>,
  nearestComment: {
    'zh-CN': ({ names }) => `# 最接近的已有名称：${names.join('、')}（如果是同一个部门，请改正文或加 aliases，不要粘贴这一条）`,
    en: ({ names }) => `# nearest listed names: ${names.join(', ')} (if it is the same department, correct the text or add aliases instead of this entry)`,
  } satisfies Message<{ names: string[] }>,
  checkHeader: {
    'zh-CN': () => '检查结果（npm run check）：',
    en: () => 'The check reports (npm run check):',
  } satisfies Message,
  errorsLeft: {
    'zh-CN': ({ errors, file }) => `${file} 里还有 ${errors} 个错误要改，改完运行 npm run check（每条消息的意思见 docs/editing.md）。`,
    en: ({ errors, file }) => `${plural(errors, 'error')} to fix in ${file}, then run npm run check (docs/editing.md explains every message).`,
  } satisfies Message<{ errors: number; file: string }>,
  passes: {
    'zh-CN': () => '检查通过：请通读一遍，然后发布。',
    en: () => 'The check passes: review the file, then publish it.',
  } satisfies Message,
  notUtf8: {
    'zh-CN': () => '文件不是 UTF-8，看起来是 GBK（GB2312，旧版中文 Windows 编辑器这样保存），已按 GBK 读取：请核对导入的文字，以后请把稿件存为 UTF-8',
    en: () => 'The file is not UTF-8 but looks like GBK (GB2312, as saved by older Chinese Windows editors); it was read as GBK: check the imported text, and save your sources as UTF-8 next time',
  } satisfies Message,
  utf16: {
    'zh-CN': () => '文件是 UTF-16 编码（Windows 的"Unicode"），已按 UTF-16 读取',
    en: () => 'The file is UTF-16 (Windows “Unicode”); it was read as such',
  } satisfies Message,
  images: {
    'zh-CN': ({ count }) => `文档里有 ${count} 张图片，图片不导入：需要的话请手工加到这一期`,
    en: ({ count }) => `The document has ${plural(count, 'image')}; images are not imported: add them to the issue by hand if needed`,
  } satisfies Message<{ count: number }>,
  pdfRead: {
    'zh-CN': ({ pages }) => `已读取 PDF 的 ${pages} 页文字；下面的行号是从 PDF 读出的文字的行号`,
    en: ({ pages }) => `Read the text of the PDF's ${plural(pages, 'page')}; the line numbers below are those of the text read from it`,
  } satisfies Message<{ pages: number }>,
  pdfRadicals: {
    'zh-CN': ({ count }) => `PDF 的文字里有 ${count} 个部首字符（如"⼀""⽉"，PDF 字体造成），已换成对应的汉字（"一""月"）`,
    en: ({ count }) => `The PDF's text held ${plural(count, 'radical character')} (such as ⼀ and ⽉, from its fonts); they were read as the characters they stand for (一, 月)`,
  } satisfies Message<{ count: number }>,
  pdfEmptyPages: {
    'zh-CN': ({ pages }) => `PDF 的第 ${pages.join('、')} 页没有文字（是扫描页或图片），这些页上的内容没有导入：请对照原件手工补上`,
    en: ({ pages }) => `Page(s) ${pages.join(', ')} of the PDF hold no text (scanned pages or images); what they show was not imported: add it by hand from the original`,
  } satisfies Message<{ pages: number[] }>,
  noDepartments: {
    'zh-CN': ({ file }) => `没有 ${file}：认不出部门；期刊文件夹在别处时请加 --issues 文件夹`,
    en: ({ file }) => `There is no ${file}: departments cannot be recognised; pass --issues DIR if the issues folder is elsewhere`,
  } satisfies Message<{ file: string }>,
};

/** Texts of `npm run new`. */
export const newTexts = {
  usage: {
    'zh-CN': () =>
      [
        '用法：npm run new -- [--date 年-月-日] [--issue 期号] [--issues 文件夹] [--lang en]',
        '',
        '新建一期的文件 issues/年份/三位期号.md：刊名、编印单位、报送范围和责任编辑从最近一期复制，',
        '正文是一篇占位文章（待补充标题、待补充正文、待补充部门），补全之前检查不会通过。从不覆盖已有文件。',
        '',
        '选项：',
        '  --date 年-月-日   这一期的日期，例如 --date 2023-06-08（默认是今天）',
        '  --issue 期号      这一期的期号（默认是那一年已有的最大期号加 1）',
        '  --issues 文件夹   期刊文件夹不是 issues/ 时指定',
        '  --lang en         用英文显示消息（也可以设环境变量 BULLETIN_LANG=en）',
        '  --help            显示这段说明',
      ].join('\n'),
    en: () =>
      [
        'usage: npm run new -- [--date YYYY-MM-DD] [--issue N] [--issues DIR] [--lang en]',
        '',
        "Scaffolds an issue at issues/YYYY/NNN.md with the latest issue's publication, publisher, distribution",
        'and editors, and a placeholder article (待补充标题, 待补充正文, 待补充部门) the check rejects until it',
        'is filled in. Never overwrites a file.',
        '',
        'options:',
        '  --date YYYY-MM-DD   the issue\'s date, e.g. --date 2023-06-08 (default: today)',
        '  --issue N           its number (default: the next number of that year)',
        '  --issues DIR        the issues folder, when it is not issues/',
        '  --lang en           messages in English (or set BULLETIN_LANG=en)',
        '  --help              show this text',
      ].join('\n'),
  } satisfies Message,
  badDate: {
    'zh-CN': ({ given }) => `--date ${given}：不是真实的日期；请写成 年-月-日，例如 --date 2023-06-08`,
    en: ({ given }) => `--date ${given}: not a real date; write it as YYYY-MM-DD, e.g. --date 2023-06-08`,
  } satisfies Message<{ given: string }>,
  badIssue: {
    'zh-CN': ({ given }) => `--issue ${given}：期号应当是正整数，例如 --issue 36`,
    en: ({ given }) => `--issue ${given}: the number must be a positive whole number, e.g. --issue 36`,
  } satisfies Message<{ given: string }>,
  exists: {
    'zh-CN': ({ file }) => `${file} 已经存在；什么也没有写（换一个 --issue，或直接编辑那个文件）`,
    en: ({ file }) => `${file} already exists; nothing was written (choose another --issue, or edit that file)`,
  } satisfies Message<{ file: string }>,
  cannotWrite: {
    'zh-CN': ({ file, code }) => `${file} 写不进去（${code}）`,
    en: ({ file, code }) => `${file} cannot be written (${code})`,
  } satisfies Message<{ file: string; code: string }>,
  wrote: {
    'zh-CN': ({ number, year, date, file }) => `已新建 ${year} 年第 ${number} 期，日期 ${date}（${file}）`,
    en: ({ number, year, date, file }) => `Issue ${number} of ${year}, dated ${date} (${file}).`,
  } satisfies Message<{ number: number; year: number; date: string; file: string }>,
  copied: {
    'zh-CN': ({ file }) => `刊名、编印单位、报送范围和责任编辑是从 ${file} 复制的：这一期不同的话请改掉`,
    en: ({ file }) => `Publication, publisher, distribution and editors are copied from ${file}: change them if this issue differs.`,
  } satisfies Message<{ file: string }>,
  nothingToCopy: {
    'zh-CN': () => '还没有可以参照的一期：请在文件开头补上 publication（刊名）和 publisher（编印单位）',
    en: () => 'No earlier issue to copy from: add publication and publisher to the front matter.',
  } satisfies Message,
  fillIn: {
    'zh-CN': ({ headline, text, department }) => `请把「${headline}」「${text}」和（${department}）换成这一期的稿件，然后运行 npm run check`,
    en: ({ headline, text, department }) => `Replace 「${headline}」, 「${text}」 and （${department}） with the issue's items, then run npm run check.`,
  } satisfies Message<{ headline: string; text: string; department: string }>,
};
