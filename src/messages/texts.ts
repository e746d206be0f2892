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
  /** What `--help` adds under every command's usage. */
  languageNote: {
    'zh-CN': () => '消息默认用中文；加 --lang en 或设环境变量 BULLETIN_LANG=en 改用英文。',
    en: () => 'Messages are in Chinese by default; --lang en or BULLETIN_LANG=en writes them in English.',
  } satisfies Message,
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
  /** The build's steps, by the name buildSite gives them (src/build-site.ts); a step not listed here prints its own name. */
  steps: {
    'load and check issues': { 'zh-CN': () => '读取并检查期刊', en: () => 'load and check issues' },
    'model the site': { 'zh-CN': () => '整理网站内容', en: () => 'model the site' },
    'reuse unchanged pages': { 'zh-CN': () => '沿用没有变的页面', en: () => 'reuse unchanged pages' },
    'build search index (Pagefind)': { 'zh-CN': () => '建立检索索引（Pagefind）', en: () => 'build search index (Pagefind)' },
    'render pages (Eleventy)': { 'zh-CN': () => '生成页面（Eleventy）', en: () => 'render pages (Eleventy)' },
    'swap into place': { 'zh-CN': () => '换上新网站', en: () => 'swap into place' },
  } satisfies Record<string, Message>,
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
    label: { 'zh-CN': () => '预览的检查消息', en: () => "The preview's check messages" } satisfies Message,
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
