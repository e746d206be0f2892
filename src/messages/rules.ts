/**
 * The rule catalogue: every problem the check reports, by stable id, with its
 * severity and its message and hint in every language. A message says what
 * happened in the file's own words; its hint says what to do. Each rule has a
 * section of docs/editing.md (`#rule-id`), which quotes the rule's example
 * (a test keeps the guide and this catalogue in step).
 */
import { inLanguage, type Message } from './message.ts';
import type { Language } from './language.ts';

/** How bad a rule's finding is: errors stop the build, warnings do not. */
export type Severity = 'error' | 'warning';

/** A rule of the check. `A` is what its messages are made from. */
export interface Rule<A = void> {
  severity: Severity;
  /** What the rule finds, in one sentence: the catalogue's table of contents. */
  summary: Message;
  /** What happened, in the file's own words. */
  message: Message<A>;
  /** What to do about it. */
  hint: Message<A>;
  /** The arguments of the example quoted in docs/editing.md. */
  example: A;
}

/** Any rule, whatever its arguments: what the catalogue holds. */
interface AnyRule {
  severity: Severity;
  summary: Message;
  message: Message<never>;
  hint: Message<never>;
  example: unknown;
}

/** Declares a rule, so `A` is inferred from its messages and checked against its example. */
function rule<A = void>(definition: Rule<A>): Rule<A> {
  return definition;
}

/** Says what an editor wrote, in words: `文字“35”`, `列表`, `空`. */
function describe(value: unknown, language: Language): string {
  const zh = language === 'zh-CN';
  if (value === null || value === undefined || value === '') return zh ? '空的' : 'empty';
  if (typeof value === 'string') return zh ? `文字 \`${value}\`` : `the text \`${value}\``;
  if (typeof value === 'number') return zh ? `数字 ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  if (Array.isArray(value)) return value.length === 0 ? (zh ? '空列表' : 'an empty list') : zh ? '一个列表' : 'a list';
  return zh ? '一组键值' : 'a mapping of keys';
}

/** An example value of each front-matter field (and of a distribution entry's keys). */
const fieldExamples: Record<string, string> = {
  publication: '上街信息',
  issue: '35',
  total: '520',
  title: '创文专刊',
  date: '2023-06-01',
  publisher: '中共上街区委办公室',
  distribution: '[{ label: 本期送, to: [区县处级领导] }]',
  editors: '[郝婕, 柴亚文]',
  label: '本期送',
  to: '[区县处级领导]',
};

/** What each front-matter field must hold, in words. */
const fieldForms: Record<string, { readonly [L in Language]: string }> = {
  publication: { 'zh-CN': '刊名', en: 'the name of the bulletin' },
  total: { 'zh-CN': '总期号（总第 N 期），一个正整数', en: 'the running number (总第 N 期) as a positive whole number' },
  title: { 'zh-CN': '专刊的名称', en: "the special issue's name" },
  publisher: { 'zh-CN': '编印单位的名称', en: 'the name of the issuing office' },
  distribution: { 'zh-CN': '由 `- label: …` 条目组成的列表，每条带 `to: [ … ]`', en: 'a list of `- label: …` entries, each with `to: [ … ]`' },
  editors: { 'zh-CN': '人名的列表', en: 'a list of names' },
  label: { 'zh-CN': '本期送、发这样的标签', en: 'a label such as 本期送 or 发' },
  to: { 'zh-CN': '不为空的受文单位列表', en: 'a non-empty list of recipients' },
};

function formOf(field: string, language: Language): string {
  return fieldForms[field]?.[language] ?? (language === 'zh-CN' ? '格式说明里的写法' : 'as the format says');
}

/** A field's path as an editor reads it: `distribution[2].label`. */
function fieldPath(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part + 1}]` : `.${part}`)).join('').slice(1);
}

const entryFormZh = '请写成 `- name: 部门名称`，可加 `slug: ascii-words` 和 `aliases: [别名]`';
const entryFormEn = 'write it as `- name: 部门名称`, with optional `slug: ascii-words` and `aliases: [别名]`';

/** The keys of an entry of departments.yml. */
const departmentKeyForms = {
  name: { 'zh-CN': '应是条目结尾括号里印的部门名称，例如 `name: 济源路街道`', en: 'must be the department name as printed at the end of its items, e.g. `name: 济源路街道`' },
  slug: { 'zh-CN': '应是用连字符连接的小写英文字母或数字，例如 `slug: jiyuanlu-jiedao`；不写则用部门名称的拼音', en: 'must be lower-case ASCII words joined by hyphens, e.g. `slug: jiyuanlu-jiedao`, or left out to use the pinyin of the name' },
  aliases: { 'zh-CN': '应是部门其他名称的列表，例如 `aliases: [老干部局]`', en: 'must be a list of other names of the department, e.g. `aliases: [老干部局]`' },
} as const;

/** A YAML problem in words: what is wrong, and what to do. */
type YamlWords = { readonly [L in Language]: readonly [message: string, hint: string] };

const quoteHint = {
  'zh-CN': '值里有特殊符号时，给整个值加上引号，例如 `title: "创文专刊：第一期"`',
  en: 'when a value holds a special character, put the whole value in quotes, e.g. `title: "创文专刊：第一期"`',
};

/**
 * Explains a YAML problem by the `yaml` library's error code (and, for a few
 * codes, its English text), so an editor never reads the library's own words.
 * `ALIAS` and `MULTILINE` are this project's: a `*`/`&` value, a value run on
 * into the next line.
 */
function explainYaml(code: string, detail: string): YamlWords {
  switch (code) {
    case 'MULTILINE_IMPLICIT_KEY':
    case 'KEY_OVER_1024_CHARS':
      return {
        'zh-CN': ['这一行不是 `字段: 值` 的写法（字段名后面要有半角冒号和一个空格）', '请写成 `date: 2023-06-01` 这样，冒号用半角的 `:`，后面加一个空格，一个值写在一行里'],
        en: ['This line is not a `field: value` line (a field name is followed by an ASCII colon and a space)', 'write it like `date: 2023-06-01`: an ASCII colon `:`, one space after it, the value on the same line'],
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        'zh-CN': ['这一行的值里又有一个「: 」，或者这一行的缩进不对', `${quoteHint['zh-CN']}；列表里的 \`to:\` 要和 \`label:\` 对齐`],
        en: ['The value on this line holds another `: `, or the line is indented wrongly', `${quoteHint.en}; a list entry's \`to:\` lines up with its \`label:\``],
      };
    case 'BAD_INDENT':
      return /Flow (sequence|mapping)/.test(detail)
        ? {
            'zh-CN': ['方括号 `[` 没有配对的 `]`', '请在列表的末尾补上半角的 `]`，列表写成 `[甲, 乙]`'],
            en: ['A `[` has no matching `]`', 'close the list with an ASCII `]`: a list is written `[a, b]`'],
          }
        : {
            'zh-CN': ['这一行的缩进不对，同一层的行要从同一列开始', '请对齐行首的空格，例如 `distribution:` 下面每一条都以两个空格和 `- label:` 开头，`to:` 和 `label:` 对齐'],
            en: ['This line is indented wrongly: lines of one level start in the same column', 'line up the leading spaces, e.g. under `distribution:` every entry starts with two spaces and `- label:`, its `to:` lined up with `label:`'],
          };
    case 'TAB_AS_INDENT':
      return { 'zh-CN': ['行首用了 Tab 缩进，YAML 只认空格', '请把行首的 Tab 换成空格'], en: ['The line is indented with a tab; YAML takes spaces only', 'replace the tab at the start of the line with spaces'] };
    case 'MISSING_CHAR':
      return /quote/.test(detail)
        ? { 'zh-CN': ['引号没有配对，开头有引号，结尾没有', '请在值的末尾补上同样的引号，或者两个引号都删掉'], en: ['A quote is not closed', 'add the same quote at the end of the value, or delete both'] }
        : /between .* items/.test(detail)
          ? { 'zh-CN': ['列表里两项之间少了半角逗号', '请用半角逗号分隔，例如 `[郝婕, 柴亚文]`'], en: ['Two list items have no comma between them', 'separate them with ASCII commas, e.g. `[郝婕, 柴亚文]`'] }
          : { 'zh-CN': ['这一行少了一个符号（冒号、逗号、括号或引号）', '请对照格式说明里的样例补上'], en: ['A colon, comma, bracket or quote is missing on this line', 'compare the line with the example of the format guide'] };
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_TAGS':
    case 'MULTIPLE_ANCHORS':
    case 'TAG_RESOLVE_FAILED':
      return { 'zh-CN': ['这个值以 YAML 的特殊符号开头（如 `@`、`` ` ``、`%`、`!`、`>`、`|`、`?`）', quoteHint['zh-CN']], en: ['This value starts with a character that means something in YAML (such as `@`, `` ` ``, `%`, `!`, `>`, `|`, `?`)', quoteHint.en] };
    case 'ALIAS':
      return { 'zh-CN': ['以 `*` 或 `&` 开头的值在 YAML 里是别名或锚点，不是文字', quoteHint['zh-CN']], en: ['A value starting with `*` or `&` is a YAML alias or anchor, not text', quoteHint.en] };
    case 'MULTILINE':
      return {
        'zh-CN': ['这个值延续到了下一行（下一行缩进多了，或者少了 `- `、`字段:`），下一行的文字被并进了这个值', '一个值写在一行里；列表的每一项单独一行，以同样缩进的 `- ` 开头，或写成 `[甲, 乙]`'],
        en: ['This value runs on into the next line: that line is indented too far or lacks its `- ` or `field:`, so its text joined this value', 'write each value on one line; list items each on a line starting with `- ` at the same indent, or as `[a, b]`'],
      };
    case 'RESOURCE_EXHAUSTION':
      return {
        'zh-CN': ['这里嵌套得太深（方括号、花括号或缩进的层数太多），无法读取', '请对照格式说明里的样例，删掉多余的方括号、花括号或缩进'],
        en: ['This nests too deeply (too many levels of brackets, braces or indentation) to be read', 'compare it with the example of the format guide and delete the extra brackets, braces or indentation'],
      };
    case 'MULTIPLE_DOCS':
      return { 'zh-CN': ['文件开头的字段里又出现了一行 `---`', '文件开头只有一对 `---`，请删掉多余的那一行'], en: ['Another `---` line stands inside the front matter', 'the front matter has one pair of `---` lines: delete the extra one'] };
    case 'BAD_DQ_ESCAPE':
      return { 'zh-CN': ['双引号里的反斜杠 `\\` 写法不对', '请改用单引号，或删掉反斜杠'], en: ['A backslash `\\` inside double quotes is not a valid escape', 'use single quotes instead, or delete the backslash'] };
    default:
      return {
        'zh-CN': [`这一行的写法有误（YAML 错误 ${code}）`, '请对照格式说明里的样例修改，写成 `字段: 值`，冒号和逗号用半角'],
        en: [`This line is malformed (YAML error ${code}: ${detail})`, 'compare it with the example of the format guide: `field: value`, ASCII colons and commas'],
      };
  }
}

// The import's findings in the editor's source file (npm run import).

/** A front-matter field the masthead may fail to give. */
export type MastheadField = 'publication' | 'issue' | 'date' | 'publisher';

const mastheadFields: Record<MastheadField, { 'zh-CN': string; en: string; example: string }> = {
  publication: { 'zh-CN': '刊名', en: 'publication name', example: 'publication: 上街信息' },
  issue: { 'zh-CN': '期号（第 N 期）', en: 'issue number (第 N 期)', example: 'issue: 35' },
  date: { 'zh-CN': '日期', en: 'date', example: 'date: 2023-06-01' },
  publisher: { 'zh-CN': '编印单位', en: 'publisher', example: 'publisher: 中共上街区委办公室' },
};

/** Why a source file cannot be read. */
export type UnreadableProblem =
  | { problem: 'empty' | 'blank' | 'binary' | 'not-zip' | 'docx-empty' | 'issue-file' | 'pdf-encrypted' }
  | { problem: 'old-format'; extension: string }
  | { problem: 'docx-damaged' | 'pdf-damaged'; detail: string }
  | { problem: 'encoding'; line: number; column: number };

const unreadableZh = (a: UnreadableProblem): string => {
  switch (a.problem) {
    case 'empty':
      return '文件是空的';
    case 'blank':
      return '文件里只有空行，没有文字';
    case 'binary':
      return '文件是二进制文件，不是文本';
    case 'not-zip':
      return '文件名是 .docx，但它不是 Word 文档（.docx 是一种 zip 压缩包，这个文件不是）';
    case 'docx-empty':
      return 'Word 文档里没有文字';
    case 'issue-file':
      return '这已经是期刊文件（开头有 --- 围起来的字段），不需要导入';
    case 'pdf-encrypted':
      return 'PDF 设了打开密码，读不出文字';
    case 'old-format':
      return `${a.extension} 文件读不了（只读 .docx、.pdf、.txt、.md）`;
    case 'docx-damaged':
      return `文件不能作为 Word 文档读取（${a.detail}）`;
    case 'pdf-damaged':
      return `文件不能作为 PDF 读取（${a.detail}）`;
    case 'encoding':
      return `文件不是 UTF-8 文本（第 ${a.line} 行第 ${a.column} 列），也不是 GBK`;
  }
};

const unreadableEn = (a: UnreadableProblem): string => {
  switch (a.problem) {
    case 'empty':
      return 'The file is empty';
    case 'blank':
      return 'The file has no text, only blank lines';
    case 'binary':
      return 'The file is binary, not text';
    case 'not-zip':
      return 'The file is named .docx but is not a Word document (a .docx is a zip archive, this is not)';
    case 'docx-empty':
      return 'The Word document has no text';
    case 'issue-file':
      return 'The file is already an issue file (it starts with front matter): there is nothing to import';
    case 'pdf-encrypted':
      return 'The PDF is password-protected: its text cannot be read';
    case 'old-format':
      return `${a.extension} files are not read (only .docx, .pdf, .txt and .md)`;
    case 'docx-damaged':
      return `The file could not be read as a Word document (${a.detail})`;
    case 'pdf-damaged':
      return `The file could not be read as a PDF (${a.detail})`;
    case 'encoding':
      return `The file is not UTF-8 text (line ${a.line}, column ${a.column}) and not GBK either`;
  }
};

const unreadableHintZh = (a: UnreadableProblem): string => {
  switch (a.problem) {
    case 'empty':
    case 'blank':
      return '请把这一期的文字复制进去（或从 Word/WPS 导出），再导入';
    case 'binary':
      return '请导入 .txt/.md 文本、Word .docx 或 PDF';
    case 'not-zip':
    case 'docx-damaged':
      return '请用 Word/WPS 打开它，"另存为" .docx 后再导入；或把文字复制到 .txt 文件里导入';
    case 'docx-empty':
      return '请确认是不是这一期的文件';
    case 'issue-file':
      return '请把它放到 issues/年份/三位期号.md，然后运行 npm run check';
    case 'pdf-encrypted':
      return '请用设密码的程序另存一份不加密的 PDF，或把文字复制到 .txt 文件里导入';
    case 'old-format':
      return '请用 Word/WPS 打开，"另存为" → "Word 文档 (*.docx)"，再导入 .docx';
    case 'pdf-damaged':
      return '请用 PDF 阅读器打开它确认文件完好，再另存一份导入；或把文字复制到 .txt 文件里导入';
    case 'encoding':
      return '请用生成它的程序另存为 UTF-8 文本（记事本：另存为 → 编码 UTF-8；WPS/Word：另存为 → 纯文本 → Unicode (UTF-8)）';
  }
};

const unreadableHintEn = (a: UnreadableProblem): string => {
  switch (a.problem) {
    case 'empty':
    case 'blank':
      return 'copy the issue text into it (or export it from Word/WPS) and import it again';
    case 'binary':
      return 'import a .txt/.md text file, a Word .docx or a PDF';
    case 'not-zip':
    case 'docx-damaged':
      return 'open it in Word/WPS and 另存为 .docx, then import that; or copy its text into a .txt file';
    case 'docx-empty':
      return 'check that it is the right file';
    case 'issue-file':
      return 'put it at issues/YYYY/NNN.md and run npm run check';
    case 'pdf-encrypted':
      return 'save an unencrypted copy from the program that set the password, or copy its text into a .txt file';
    case 'old-format':
      return 'open it in Word or WPS and 另存为 “Word 文档 (*.docx)”, then import the .docx';
    case 'pdf-damaged':
      return 'open it in a PDF reader to check it is whole and save a copy to import; or copy its text into a .txt file';
    case 'encoding':
      return 'save it as UTF-8 text from the program that made it (记事本: 另存为 → 编码 UTF-8; WPS/Word: 另存为 → 纯文本 → Unicode (UTF-8))';
  }
};

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}

/** Every rule, by stable id. */
export const rules = {
  'encoding-not-utf8': rule<{ encoding: 'gbk' | 'binary' | 'unknown' }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件不是 UTF-8 编码的文本。', en: () => 'The file is not UTF-8 text.' },
    message: { 'zh-CN': () => '文件不是 UTF-8 编码的文本', en: () => 'The file is not UTF-8 text' },
    hint: {
      'zh-CN': ({ encoding }) =>
        encoding === 'gbk'
          ? '看起来是 GBK（GB2312）编码，旧版中文 Windows 编辑器常这样保存：请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8；VS Code：通过编码保存 → UTF-8），或运行 `iconv -f GBK -t UTF-8`'
          : encoding === 'binary'
            ? '看起来是二进制文件而不是文本：请把这一期存为 UTF-8 编码的纯文本（.md）'
            : '请把它另存为 UTF-8 编码的文本',
      en: ({ encoding }) =>
        encoding === 'gbk'
          ? 'it looks like GBK (GB2312), as saved by older Chinese Windows editors: re-save it as UTF-8 (记事本: 另存为 → 编码 UTF-8; VS Code: 通过编码保存 → UTF-8), or run `iconv -f GBK -t UTF-8`'
          : encoding === 'binary'
            ? 'it looks like a binary file, not text: save the issue as plain text (.md) in UTF-8'
            : 're-save it as UTF-8 text',
    },
    example: { encoding: 'gbk' },
  }),
  'file-location': rule<{ sourceFile: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '期刊文件不在 issues/年份/三位期号.md 的位置。', en: () => 'An issue file is not at issues/YYYY/NNN.md.' },
    message: {
      'zh-CN': () => '期刊文件应放在 issues/年份/三位期号.md（一个年份文件夹，三位数字的期号）',
      en: () => 'Issue files live at issues/YYYY/NNN.md (a year folder, a three-digit number)',
    },
    hint: {
      'zh-CN': ({ sourceFile }) => `请把 \`${sourceFile}\` 移到那里，例如 issues/2023/035.md`,
      en: ({ sourceFile }) => `move \`${sourceFile}\` there, e.g. to issues/2023/035.md`,
    },
    example: { sourceFile: 'draft.md' },
  }),
  'file-name-mismatch': rule<{ name: string; number: number; expected: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件名与文件里的期号不一致。', en: () => "The file name does not match the issue's number." },
    message: {
      'zh-CN': ({ name, number }) => `文件名是 ${name}，但文件里写的是第 ${number} 期`,
      en: ({ name, number }) => `The file is named ${name} but holds issue ${number}`,
    },
    hint: {
      'zh-CN': ({ expected }) => `请把文件改名为 ${expected}，或改正 \`issue\``,
      en: ({ expected }) => `rename the file to ${expected}, or correct \`issue\``,
    },
    example: { name: '036.md', number: 35, expected: '035.md' },
  }),
  'file-unreadable': rule<{ reason: 'symlink' | 'symlink-folder' | 'io' | 'internal'; detail: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '读不了这个文件（符号链接、没有权限，或检查程序自己出错）。', en: () => 'The file cannot be read (a symbolic link, no permission, or a fault of the check).' },
    message: {
      'zh-CN': ({ reason, detail }) =>
        ({
          symlink: `这是一个符号链接（指向 ${detail}），检查和网站都不读符号链接，这一期不会发布`,
          'symlink-folder': `这是一个指向文件夹的符号链接（指向 ${detail}），里面的期刊不会被读到，也不会发布`,
          io: `读不了这个文件（${detail}）`,
          internal: `检查这个文件时出了内部错误（${detail}）`,
        })[reason],
      en: ({ reason, detail }) =>
        ({
          symlink: `This is a symbolic link (to ${detail}); neither the check nor the site reads links, so this issue is not published`,
          'symlink-folder': `This is a symbolic link to a folder (to ${detail}); the issues in it are not read, nor published`,
          io: `The file cannot be read (${detail})`,
          internal: `The check failed on this file (${detail})`,
        })[reason],
    },
    hint: {
      'zh-CN': ({ reason }) =>
        reason === 'io'
          ? '请检查文件的权限，或者它是不是一个文件夹'
          : reason === 'internal'
            ? '这是检查程序的问题，不是文件的问题，请把这个文件交给技术人员；其他文件的检查结果照常有效'
            : '请把真正的文件（或文件夹）复制或移动到这里，再删掉这个链接',
      en: ({ reason }) =>
        reason === 'io'
          ? 'check the permissions of the file, or whether it is a folder'
          : reason === 'internal'
            ? "this is a fault of the check, not of the file: hand the file to a developer; the other files' results stand"
            : 'copy or move the real file (or folder) here, then delete the link',
    },
    example: { reason: 'symlink', detail: '../drafts/035.md' },
  }),
  'file-ignored': rule<{ name: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '年份文件夹里有一个既不是 .md 也不是 .pdf 的文件，检查和网站都不读它。', en: () => 'A year folder holds a file that is neither .md nor .pdf, which neither the check nor the site reads.' },
    message: {
      'zh-CN': ({ name }) => `${name} 不是 .md 文件，检查和网站都不读它`,
      en: ({ name }) => `The file ${name} is not a .md file, so neither the check nor the site reads it`,
    },
    hint: {
      'zh-CN': () => '如果这是一期期刊，请改名为三位期号加 .md（例如 035.md）；如果不是，请把它移出 issues 文件夹',
      en: () => 'if it is an issue, rename it to its three-digit number and .md (e.g. 035.md); if not, move it out of the issues folder',
    },
    example: { name: '036.txt' },
  }),
  'front-matter-missing': rule<{ unclosed: boolean }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件开头没有用 --- 围起来的字段，或者没有收尾的 ---。', en: () => 'The file has no --- front-matter block, or the block is not closed.' },
    message: {
      'zh-CN': ({ unclosed }) => (unclosed ? '文件开头的字段后面没有收尾的 `---`' : '文件开头没有字段（front matter）'),
      en: ({ unclosed }) => (unclosed ? 'The front matter is not closed' : 'The file has no front matter'),
    },
    hint: {
      'zh-CN': ({ unclosed }) =>
        unclosed ? '请在最后一个字段之后、第一个标题之前加一行 `---`' : '文件第一行写 `---`，接着写字段（publication、issue、date、publisher ……），再写一行 `---`',
      en: ({ unclosed }) =>
        unclosed ? 'add a line `---` after the last field, before the first headline' : 'start it with a line `---`, then the fields (publication, issue, date, publisher …), then another line `---`',
    },
    example: { unclosed: false },
  }),
  'front-matter-language': rule<{ language: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件开头的字段不是 YAML（例如 ---js，那会运行代码）。', en: () => 'The front matter is not YAML (e.g. ---js, which would run code).' },
    message: {
      'zh-CN': ({ language }) => `文件开头的字段标明是 \`${language}\`，但这里只读 YAML（\`js\` 写的内容会被当作代码运行，所以一律不读）`,
      en: ({ language }) => `The front matter is declared as \`${language}\`; only YAML is read (a \`js\` block would run code, and is never run)`,
    },
    hint: { 'zh-CN': () => '第一行只写 `---`', en: () => 'write the first line as just `---`' },
    example: { language: 'js' },
  }),
  'yaml-invalid': rule<{ duplicate: string } | { code: string; detail: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件开头的字段读不懂（YAML 写法有误，或同一字段写了两次）。', en: () => 'The front-matter YAML cannot be read (or a field is written twice).' },
    message: {
      'zh-CN': (a) => ('duplicate' in a ? `字段 \`${a.duplicate}\` 在文件开头写了两次` : explainYaml(a.code, a.detail)['zh-CN'][0]),
      en: (a) => ('duplicate' in a ? `The field \`${a.duplicate}\` is written twice in the front matter` : explainYaml(a.code, a.detail).en[0]),
    },
    hint: {
      'zh-CN': (a) => ('duplicate' in a ? '请删掉其中一行' : explainYaml(a.code, a.detail)['zh-CN'][1]),
      en: (a) => ('duplicate' in a ? 'keep one of the two lines' : explainYaml(a.code, a.detail).en[1]),
    },
    example: { duplicate: 'date' },
  }),
  'yaml-fullwidth': rule<{ typed: string; wanted: string; line: string }>({
    severity: 'error',
    summary: {
      'zh-CN': () => 'YAML 要用半角标点的地方用了全角（中文输入法）的标点，如 `date：`、`[郝婕，柴亚文]`。',
      en: () => 'Full-width (Chinese keyboard) punctuation stands where YAML needs ASCII, as in `date：` or `[郝婕，柴亚文]`.',
    },
    message: {
      'zh-CN': ({ typed, wanted }) => `这里的「${typed}」是全角字符（中文输入法打出的），YAML 在这里只认半角的「${wanted}」`,
      en: ({ typed, wanted }) => `「${typed}」 here is a full-width character (as a Chinese keyboard types it); YAML takes only the ASCII 「${wanted}」 here`,
    },
    hint: {
      'zh-CN': ({ line }) => `请切换到英文标点，把这一行改成 \`${line}\``,
      en: ({ line }) => `switch to ASCII punctuation and write the line as \`${line}\``,
    },
    example: { typed: '：', wanted: ':', line: 'date: 2023-06-08' },
  }),
  'field-missing': rule<{ path: (string | number)[] }>({
    severity: 'error',
    summary: { 'zh-CN': () => '缺少必填的字段。', en: () => 'A required front-matter field is missing.' },
    message: {
      'zh-CN': ({ path }) => (path.length === 1 ? `文件开头没有 \`${path[0]}\`，每一期都要有这个字段` : `\`${path[0]}\` 的第 ${Number(path[1]) + 1} 条没有 \`${path.at(-1)}\``),
      en: ({ path }) => (path.length === 1 ? `The front matter has no \`${path[0]}\`, which every issue needs` : `Entry ${Number(path[1]) + 1} of \`${path[0]}\` has no \`${path.at(-1)}\``),
    },
    hint: {
      'zh-CN': ({ path }) => {
        const field = String(path.at(-1));
        return path.length === 1 ? `请在收尾的 \`---\` 之前加一行 \`${field}: ${fieldExamples[field] ?? '…'}\`` : `请在这一条里加上 \`${field}: ${fieldExamples[field] ?? '…'}\``;
      },
      en: ({ path }) => {
        const field = String(path.at(-1));
        return path.length === 1 ? `add a line \`${field}: ${fieldExamples[field] ?? '…'}\` before the closing \`---\`` : `add \`${field}: ${fieldExamples[field] ?? '…'}\` to it`;
      },
    },
    example: { path: ['publication'] },
  }),
  'field-type': rule<{ path: (string | number)[]; value: unknown }>({
    severity: 'error',
    summary: { 'zh-CN': () => '字段的类型或写法不对。', en: () => 'A front-matter field has the wrong type or form.' },
    message: {
      'zh-CN': ({ path, value }) =>
        path.length === 0 ? `文件开头的字段是${describe(value, 'zh-CN')}，但应当是一行行的 \`字段: 值\`` : `\`${fieldPath(path)}\` 是${describe(value, 'zh-CN')}，但应当是${formOf(leafOf(path), 'zh-CN')}`,
      en: ({ path, value }) =>
        path.length === 0 ? `The front matter is ${describe(value, 'en')}, but it must be \`field: value\` lines` : `\`${fieldPath(path)}\` is ${describe(value, 'en')}, but it must be ${formOf(leafOf(path), 'en')}`,
    },
    hint: {
      'zh-CN': ({ path }) => (path.length === 0 ? '例如 `issue: 35`' : `例如写成 \`${leafOf(path)}: ${fieldExamples[leafOf(path)] ?? '…'}\``),
      en: ({ path }) => (path.length === 0 ? 'e.g. `issue: 35`' : `write e.g. \`${leafOf(path)}: ${fieldExamples[leafOf(path)] ?? '…'}\``),
    },
    example: { path: ['editors'], value: '郝婕' },
  }),
  'field-unknown': rule<{ path: (string | number)[]; guess: string | undefined; known: string[] }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件开头有格式里没有的字段。', en: () => 'A front-matter field is not one the format knows.' },
    message: {
      'zh-CN': ({ path }) => (path.length === 1 ? `文件开头有未知的字段 \`${path[0]}\`` : `\`${path[0]}\` 的一条里有未知的键 \`${path.at(-1)}\``),
      en: ({ path }) => (path.length === 1 ? `Unknown front-matter field \`${path[0]}\`` : `Unknown key \`${path.at(-1)}\` in a \`${path[0]}\` entry`),
    },
    hint: {
      'zh-CN': ({ guess, known }) => (guess ? `是不是 \`${guess}\`？请改名` : `能用的只有 ${known.join('、')}，请改名或删掉`),
      en: ({ guess, known }) => (guess ? `did you mean \`${guess}\`? Rename it` : `the known ones are ${known.join(', ')}; rename or delete it`),
    },
    example: { path: ['pubisher'], guess: 'publisher', known: [] },
  }),
  'issue-number-invalid': rule<{ value: unknown }>({
    severity: 'error',
    summary: { 'zh-CN': () => '期号不是正整数。', en: () => 'The issue number is not a positive whole number.' },
    message: {
      'zh-CN': ({ value }) => `\`issue\` 是${describe(value, 'zh-CN')}，但期号应当是一个正整数`,
      en: ({ value }) => `\`issue\` is ${describe(value, 'en')}, but it must be the issue's number as a positive whole number`,
    },
    hint: { 'zh-CN': () => '例如写成 `issue: 35`', en: () => 'write e.g. `issue: 35`' },
    example: { value: '三十五' },
  }),
  'date-invalid': rule<{ value: unknown; reason: 'form' | 'calendar' }>({
    severity: 'error',
    summary: { 'zh-CN': () => '日期不是按 YYYY-MM-DD 写的真实日期。', en: () => 'The date is not a real date written as YYYY-MM-DD.' },
    message: {
      'zh-CN': ({ value, reason }) => (reason === 'calendar' ? `\`date\` 是 \`${String(value)}\`，日历上没有这一天` : `\`date\` 是${describe(value, 'zh-CN')}，认不出是哪一天`),
      en: ({ value, reason }) => (reason === 'calendar' ? `\`date\` is \`${String(value)}\`, a day no calendar has` : `\`date\` is ${describe(value, 'en')}, which is not a date that can be read`),
    },
    hint: {
      'zh-CN': () => '请按 年-月-日 写出版日期，例如 `date: 2023-06-01`',
      en: () => 'write the day of issue as YYYY-MM-DD, e.g. `date: 2023-06-01`',
    },
    example: { value: '2023-02-30', reason: 'calendar' },
  }),
  'date-form': rule<{ value: string; date: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '日期不是 YYYY-MM-DD 的写法（如 2023-6-8、2023年6月8日），已照常读取。', en: () => 'The date is not written as YYYY-MM-DD (e.g. 2023-6-8, 2023年6月8日); it is read as usual.' },
    message: {
      'zh-CN': ({ value, date }) => `日期写成了 \`${value}\`，已按 ${date} 读取`,
      en: ({ value, date }) => `The date is written \`${value}\` and read as ${date}`,
    },
    hint: {
      'zh-CN': ({ date }) => `建议写成 \`date: ${date}\`，和其他各期一致`,
      en: ({ date }) => `write it \`date: ${date}\`, as the other issues do`,
    },
    example: { value: '2023-6-8', date: '2023-06-08' },
  }),
  'date-year-mismatch': rule<{ date: string; folderYear: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => '日期不在文件所在年份文件夹的那一年。', en: () => "The date is not in the year of the issue's folder." },
    message: {
      'zh-CN': ({ date, folderYear }) => `日期 ${date} 不在 ${folderYear} 年，而文件放在 ${folderYear} 年的文件夹里`,
      en: ({ date, folderYear }) => `The date ${date} is not in ${folderYear}, the year of the folder the file is in`,
    },
    hint: {
      'zh-CN': ({ date }) => `请改正日期，或把文件移到 issues/${date.slice(0, 4)}/`,
      en: ({ date }) => `correct the date, or move the file to issues/${date.slice(0, 4)}/`,
    },
    example: { date: '2023-12-29', folderYear: 2024 },
  }),
  'issue-duplicate': rule<{ number: number; year: number; first: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '同一年里两个文件的期号相同。', en: () => 'Two files have the same issue number in one year.' },
    message: {
      'zh-CN': ({ number, year, first }) => `${year} 年第 ${number} 期已经在 ${first} 里`,
      en: ({ number, year, first }) => `Issue ${number} of ${year} is already in ${first}`,
    },
    hint: {
      'zh-CN': () => '请给这个文件写上它自己的期号 `issue`（文件名也要一致）；如果是复制出来的副本，就删掉它',
      en: () => 'give this file its own number in `issue` (and the matching file name), or delete it if it is a copy',
    },
    example: { number: 35, year: 2023, first: '2023/035.md' },
  }),
  'issue-empty': rule({
    severity: 'error',
    summary: { 'zh-CN': () => '这一期没有条目。', en: () => 'The issue has no items.' },
    message: { 'zh-CN': () => '这一期没有条目', en: () => 'The issue has no items' },
    hint: {
      'zh-CN': () => '请至少写一篇文章（`## 标题` 和正文）或一条简讯（`△ …`），每条都以括号里的部门结尾，例如（济源路街道）',
      en: () => 'add at least one article (`## 标题` and its text) or brief (`△ …`), each ending with its department in parentheses, e.g. （济源路街道）',
    },
    example: undefined,
  }),
  'item-outside': rule({
    severity: 'error',
    summary: { 'zh-CN': () => '第一个标题之前有文字，又不是简讯。', en: () => 'Text stands before the first headline and is not a brief.' },
    message: { 'zh-CN': () => '这段文字不属于任何条目', en: () => 'This text stands outside any item' },
    hint: {
      'zh-CN': () => '请在它前面用 `## 标题` 开始一篇文章（或用 `△` 开始一条简讯），或者删掉它',
      en: () => 'start an article with `## 标题` (or a brief with `△`) before it, or delete it',
    },
    example: undefined,
  }),
  'item-headline-empty': rule({
    severity: 'error',
    summary: { 'zh-CN': () => '`##` 标题是空的。', en: () => 'A ## headline is empty.' },
    message: { 'zh-CN': () => '这个标题是空的', en: () => 'This headline is empty' },
    hint: { 'zh-CN': () => '请在 `## ` 后面写文章的标题', en: () => 'write the article title after `## `' },
    example: undefined,
  }),
  'item-body-empty': rule<{ departmentOnly: boolean }>({
    severity: 'error',
    summary: { 'zh-CN': () => '条目没有正文。', en: () => 'An item has no text.' },
    message: {
      'zh-CN': ({ departmentOnly }) => (departmentOnly ? '这一条只有部门，没有正文' : '这篇文章没有正文'),
      en: ({ departmentOnly }) => (departmentOnly ? 'This item has only its department' : 'This article has no text'),
    },
    hint: {
      'zh-CN': ({ departmentOnly }) => (departmentOnly ? '请在括号前写上它的正文' : '请在标题下面写正文，最后一段以部门结尾，例如（济源路街道）'),
      en: ({ departmentOnly }) =>
        departmentOnly ? 'write its text before the parentheses' : 'write its paragraphs under the headline, the last one ending with the department, e.g. （济源路街道）',
    },
    example: { departmentOnly: false },
  }),
  'item-department-missing': rule<{ trailing?: { department: string; text: string }; notADepartment?: string; bracketed?: { department: string; typed: string } }>({
    severity: 'error',
    summary: {
      'zh-CN': () => '条目没有以括号里的部门结尾（或结尾的括号里不是部门）。',
      en: () => 'An item does not end with its department in parentheses (or ends with a parenthesis that is no department).',
    },
    message: {
      'zh-CN': ({ trailing, notADepartment, bracketed }) =>
        bracketed
          ? `部门写在了「${bracketed.typed}」里：只有圆括号（）或 () 里的才算部门`
          : trailing
          ? `部门（${trailing.department}）应当是条目的结尾，但它后面还有「${trailing.text}」`
          : notADepartment !== undefined
            ? `这一条以（${notADepartment}）结尾，但这不是部门`
            : '这一条没有以部门结尾',
      en: ({ trailing, notADepartment, bracketed }) =>
        bracketed
          ? `The department is written in 「${bracketed.typed}」: only round parentheses （） or () hold a department`
          : trailing
          ? `The department （${trailing.department}） must end the item, but 「${trailing.text}」 follows it`
          : notADepartment !== undefined
            ? `This item ends with （${notADepartment}）, which is not a department`
            : 'This item does not end with its department',
    },
    hint: {
      'zh-CN': ({ trailing, notADepartment, bracketed }) =>
        bracketed ? `请写成（${bracketed.department}）` : trailing ? `请删掉「${trailing.text}」` : notADepartment !== undefined ? '请在它后面加上部门，例如（济源路街道）' : '请在最后一段的末尾用括号加上部门，例如（济源路街道）',
      en: ({ trailing, notADepartment, bracketed }) =>
        bracketed
          ? `write it as （${bracketed.department}）`
          : trailing
          ? `delete the 「${trailing.text}」`
          : notADepartment !== undefined
            ? 'add the department after it, e.g. （济源路街道）'
            : 'add it in parentheses at the end of the last paragraph, e.g. （济源路街道）',
    },
    example: {},
  }),
  'department-unknown': rule<{ name: string; guess: string | undefined }>({
    severity: 'error',
    summary: { 'zh-CN': () => '部门不在 issues/departments.yml 的名单里。', en: () => 'A department is not listed in issues/departments.yml.' },
    message: {
      'zh-CN': ({ name }) => `部门「${name}」不在 issues/departments.yml 的名单里`,
      en: ({ name }) => `The department 「${name}」 is not in issues/departments.yml`,
    },
    hint: {
      'zh-CN': ({ name, guess }) =>
        guess
          ? `是不是「${guess}」？如果是新部门，请在 issues/departments.yml 加一行 \`- name: ${name}\``
          : `如果是新部门，请在 issues/departments.yml 加一行 \`- name: ${name}\`；如果括号里不是部门，请在它后面加上部门，例如（济源路街道）`,
      en: ({ name, guess }) =>
        guess
          ? `did you mean 「${guess}」? If it is a new department, add a line \`- name: ${name}\` to issues/departments.yml`
          : `if it is a new department, add a line \`- name: ${name}\` there; if it is not a department, add the department after it, e.g. （济源路街道）`,
    },
    example: { name: '济源路街到', guess: '济源路街道' },
  }),
  'heading-marker': rule<{ typed: string; wanted: string; reason: 'no-space' | 'odd-space' | 'full-width' | 'indent'; level: number; code?: string }>({
    severity: 'error',
    summary: {
      'zh-CN': () => '标题的井号后面少了空格、用了全角的 ＃，或者行首有全角空格，这一行不会成为标题。',
      en: () => 'A heading marker lacks its space, is a full-width ＃, or follows a full-width space: the line is no heading.',
    },
    message: {
      'zh-CN': ({ typed, reason, level, code }) =>
        `「${typed}」不是${level === 1 ? '栏目名' : level === 2 ? '文章标题' : '小标题'}（${
          {
            'no-space': '井号后面少了一个半角空格',
            'odd-space': `井号后面的空格是全角空格或不换行空格（${code}），不是半角空格`,
            'full-width': '「＃」是全角的井号，标题只认半角的「#」',
            indent: '行首有全角空格或其他空白，井号必须在行首',
          }[reason]
        }），${level === 2 ? '这一行和下面的文字会并入上一条' : '这一行会作为普通文字显示'}`,
      en: ({ typed, reason, level, code }) =>
        `「${typed}」 is no ${level === 1 ? 'section name' : level === 2 ? 'headline' : 'subheading'}: ${
          {
            'no-space': 'the # marks lack the space after them',
            'odd-space': `the space after the # marks is a full-width or no-break space (${code}), not an ASCII space`,
            'full-width': '「＃」 is a full-width #, and only the ASCII 「#」 makes a heading',
            indent: 'a full-width space or other blank stands before the # marks',
          }[reason]
        }, so ${level === 2 ? 'this line and the text under it join the item before' : 'the line shows as plain text'}`,
    },
    hint: { 'zh-CN': ({ wanted }) => `请写成 \`${wanted}\``, en: ({ wanted }) => `write \`${wanted}\`` },
    example: { typed: '##新安路街道“抢、拼、实”集聚发展新活力', wanted: '## 新安路街道“抢、拼、实”集聚发展新活力', reason: 'no-space', level: 2 },
  }),
  'setext-heading': rule<{ level: 1 | 2 }>({
    severity: 'error',
    summary: { 'zh-CN': () => '一行文字下面紧跟着 `---` 或 `===`，Markdown 把这行文字变成了标题。', en: () => 'A line of text has `---` or `===` right under it, which makes it a heading.' },
    message: {
      'zh-CN': ({ level }) => `这一行下面紧跟着 \`${level === 2 ? '---' : '==='}\`，Markdown 把它变成了${level === 2 ? '文章标题，从这里开始一篇新文章' : '栏目名'}`,
      en: ({ level }) => `This line has \`${level === 2 ? '---' : '==='}\` right under it, which makes it ${level === 2 ? 'a headline starting a new article' : 'a section name'}`,
    },
    hint: {
      'zh-CN': () => '如果下面那一行是分隔线，请在它上面空一行；如果这一行是标题，请写成 `## 标题`，删掉下面那一行',
      en: () => 'if the line under it is a separator, put a blank line above it; if this line is a headline, write it `## 标题` and delete the line under it',
    },
    example: { level: 2 },
  }),
  'section-as-article': rule({
    severity: 'error',
    summary: { 'zh-CN': () => '只有一个 # 的栏目名下面直接是正文，多半是把文章标题写成了栏目名。', en: () => 'A # section name has text right under it: most likely a headline written with one # instead of two.' },
    message: {
      'zh-CN': () => '这一行只有一个 `#`，是栏目名，不是文章标题，下面的正文不属于任何条目',
      en: () => 'This line has one `#`, which names a section, not an article: the text under it belongs to no item',
    },
    hint: { 'zh-CN': () => '文章标题用两个井号 `## 标题`；栏目名写成 `# 【栏目】`，下面接文章或简讯', en: () => 'a headline takes two: `## 标题`; a section is `# 【栏目】` followed by articles or briefs' },
    example: undefined,
  }),
  'heading-nested': rule<{ container: 'list' | 'quote' }>({
    severity: 'error',
    summary: { 'zh-CN': () => '标题在列表或引用里面，不会开始一篇新文章。', en: () => 'A headline stands inside a list or quote, so it starts no article.' },
    message: {
      'zh-CN': ({ container }) => `这个标题在${container === 'list' ? '列表（行首的 `-`、`1.`）' : '引用（行首的 `>`）'}里面，不会开始一篇新文章，它和下面的文字都并入上一条`,
      en: ({ container }) => `This headline stands inside a ${container === 'list' ? 'list (a leading `-` or `1.`)' : 'quote (a leading `>`)'}: it starts no article, and it joins the item before with the text under it`,
    },
    hint: {
      'zh-CN': ({ container }) => `请删掉行首的 \`${container === 'list' ? '-' : '>'}\` 和空格，让 \`## \` 在行首，上面空一行`,
      en: ({ container }) => `delete the leading \`${container === 'list' ? '-' : '>'}\` and spaces so that \`## \` starts the line, after a blank line`,
    },
    example: { container: 'list' },
  }),
  'brief-glued': rule<{ container: 'paragraph' | 'line' | 'list' | 'quote' }>({
    severity: 'error',
    summary: {
      'zh-CN': () => '△ 简讯没有单独成段（紧贴上一段、和上一段在同一行、在列表或引用里），会并入上一条。',
      en: () => 'A △ brief is not a paragraph of its own (glued to the one above, on its line, or in a list or quote), so it joins the item before.',
    },
    message: {
      'zh-CN': ({ container }) =>
        container === 'paragraph'
          ? '这条简讯紧贴在上一段下面，中间没有空行，Markdown 把两段合成一段，两条稿件会变成一条'
          : container === 'line'
            ? '这条简讯和上一段写在了同一行，两条稿件会变成一条'
            : `这条简讯在${container === 'list' ? '上面的列表' : '引用（行首的 `>`）'}里面，不会成为一条简讯，而会并入上一条`,
      en: ({ container }) =>
        container === 'paragraph'
          ? 'This brief is glued to the paragraph above it with no blank line: Markdown makes the two one paragraph, so two items become one'
          : container === 'line'
            ? 'This brief stands on the line of the paragraph before it, so two items become one'
            : `This brief stands inside ${container === 'list' ? 'the list above it' : 'a quote (a leading `>`)'}, so it is no brief and joins the item before`,
    },
    hint: {
      'zh-CN': ({ container }) =>
        container === 'quote' ? '请删掉行首的 `>`，并在 △ 这一行上面空一行' : container === 'line' ? '请在 △ 前面换行，再空一行' : '请在 △ 这一行上面空一行，行首不要有空格',
      en: ({ container }) =>
        container === 'quote'
          ? 'delete the leading `>` and put a blank line above the △ line'
          : container === 'line'
            ? 'start a new line before the △, after a blank line'
            : 'put a blank line above the △ line, with no spaces before the △',
    },
    example: { container: 'paragraph' },
  }),
  'headline-like-line': rule({
    severity: 'warning',
    summary: { 'zh-CN': () => '段落中间夹着一行像标题的短句（没有标点），它和上下文连成了一段。', en: () => 'A short line like a headline (no punctuation) stands inside a paragraph, joined to the text around it.' },
    message: {
      'zh-CN': () => '这一行像是标题（很短，没有标点），却夹在一段文字中间，它和上下文连成了一段',
      en: () => 'This line looks like a headline (short, no punctuation) but stands inside a paragraph, joined to the text around it',
    },
    hint: {
      'zh-CN': () => '如果它是一篇新文章的标题，请写成 `## 标题`，上下各空一行，并确认上一篇以部门结尾；如果是正文，请把它接到上一行或下一行',
      en: () => 'if it is the headline of a new article, write it `## 标题` with a blank line above and below, and make sure the article before ends with its department; if it is text, join it to the line before or after',
    },
    example: undefined,
  }),
  'department-in-headline': rule<{ department: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '标题以括号里的部门结尾：多半是把正文或简讯写成了标题。', en: () => 'A headline ends with a department in parentheses: most likely text or a brief written as a headline.' },
    message: {
      'zh-CN': ({ department }) => `这个标题以部门（${department}）结尾，标题里不写部门，多半是一段正文或一条简讯前面误加了 \`## \``,
      en: ({ department }) => `This headline ends with the department （${department}）, which headlines never carry: most likely text or a brief was given a \`## \` by mistake`,
    },
    hint: {
      'zh-CN': () => '如果这是正文，请删掉行首的 `## `，把它接到上一段；如果是简讯，请把 `## ` 换成 `△ `',
      en: () => 'if it is text, delete the leading `## ` and join it to the paragraph before; if it is a brief, replace `## ` with `△ `',
    },
    example: { department: '区统计局' },
  }),
  'brief-mark': rule<{ mark: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '段首是一个像 △ 的符号（▲、Δ 等），这一段不会成为简讯。', en: () => 'A paragraph starts with a mark like △ (▲, Δ …), so it is no brief.' },
    message: {
      'zh-CN': ({ mark }) => `这一段以「${mark}」开头，但简讯的标记是「△」（空心三角），它不会成为一条简讯，而会并入上一条`,
      en: ({ mark }) => `This paragraph starts with 「${mark}」, but a brief is marked 「△」 (a hollow triangle): it is no brief, and joins the item before`,
    },
    hint: { 'zh-CN': ({ mark }) => `请把「${mark}」换成「△」（中文输入法输入 sanjiao 可以打出）`, en: ({ mark }) => `replace 「${mark}」 with 「△」` },
    example: { mark: '▲' },
  }),
  'department-mid-item': rule<{ department: string; creditedTo: string | undefined; next: 'paragraph' | 'line' | 'department' | 'text' }>({
    severity: 'error',
    summary: {
      'zh-CN': () => '括号里的部门出现在一条稿件的中间（后面还有文字），多半是两条稿件连在了一起。',
      en: () => 'A department in parentheses stands inside an item, with text after it: most likely two items run together.',
    },
    message: {
      'zh-CN': ({ department, creditedTo, next }) =>
        `（${department}）像是一条稿件的结尾，但${({ paragraph: '后面的段落', line: '下一行', department: '后面的括号', text: '后面的文字' })[next]}和它属于同一条，${
          creditedTo === undefined ? '它们会合成一条' : creditedTo === department ? '两条稿件会合成一条' : `这一条会算作（${creditedTo}）的稿件，（${department}）的页面上没有它`
        }`,
      en: ({ department, creditedTo, next }) =>
        `（${department}） looks like the end of an item, but ${({ paragraph: 'the paragraphs after it', line: 'the next line', department: 'the parentheses after it', text: 'the text after it' })[next]} belong to the same item: ${
          creditedTo === undefined ? 'they become one item' : creditedTo === department ? 'two items become one' : `the item is credited to （${creditedTo}）, and （${department}）'s page lacks it`
        }`,
    },
    hint: {
      'zh-CN': () => '如果这里是两条稿件，请在后一条前面空一行，并加上 `## 标题`（文章）或 `△`（简讯）；如果部门名本来就是正文的一部分，请去掉它的括号',
      en: () => 'if two items meet here, put a blank line and `## 标题` (article) or `△` (brief) before the second; if the name is part of the text, drop its parentheses',
    },
    example: { department: '济源路街道', creditedTo: '新安路街道', next: 'line' },
  }),
  'item-duplicate': rule<{ position: number; line: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => '同一条稿件在这一期里出现了两次。', en: () => 'The same item appears twice in the issue.' },
    message: {
      'zh-CN': ({ position, line }) => `这一条和第 ${position} 条（第 ${line} 行）完全相同`,
      en: ({ position, line }) => `This item is the same as item ${position} (line ${line})`,
    },
    hint: { 'zh-CN': () => '请删掉重复的一条', en: () => 'delete one of the two' },
    example: { position: 2, line: 20 },
  }),
  'paragraph-duplicate': rule<{ line: number | undefined }>({
    severity: 'error',
    summary: { 'zh-CN': () => '一段文字粘贴了两遍。', en: () => 'A paragraph is pasted twice.' },
    message: {
      'zh-CN': ({ line }) => (line === undefined ? '这一段的文字连着出现了两遍' : `这一段和第 ${line} 行的一段完全相同`),
      en: ({ line }) => (line === undefined ? "This paragraph's text is there twice" : `This paragraph is the same as the one on line ${line}`),
    },
    hint: { 'zh-CN': () => '请删掉重复的部分', en: () => 'delete the repeated text' },
    example: { line: 18 },
  }),
  'headline-duplicate': rule<{ line: number }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '这一期有两篇文章用了同一个标题。', en: () => 'Two articles of the issue have the same headline.' },
    message: { 'zh-CN': ({ line }) => `这个标题和第 ${line} 行的标题相同`, en: ({ line }) => `This headline is the same as the one on line ${line}` },
    hint: { 'zh-CN': () => '请核对是不是复制了上一篇却没有改标题', en: () => 'check whether an article was copied and its headline left unchanged' },
    example: { line: 14 },
  }),
  placeholder: rule<{ kind: 'department' | 'headline' | 'text' | 'date' | 'issue'; text: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '导入或新建时留下的占位符（待补充……）还没有换成内容。', en: () => 'A placeholder left by import or new (待补充…) is not filled in yet.' },
    message: {
      'zh-CN': ({ text }) => `「${text}」是导入或新建时留下的占位符，还没有换成内容`,
      en: ({ text }) => `「${text}」 is a placeholder left by import or new, not filled in yet`,
    },
    hint: {
      'zh-CN': ({ kind }) =>
        ({ department: '请换成这一条的报送部门，例如（济源路街道）', headline: '请换成文章的标题', text: '请换成文章的正文', date: '请写上印发日期，例如 `date: 2023-06-01`', issue: '请写上期号，例如 `issue: 35`' })[kind],
      en: ({ kind }) =>
        ({ department: "replace it with the item's reporting department, e.g. （济源路街道）", headline: 'replace it with the headline', text: "replace it with the article's text", date: 'write the day of issue, e.g. `date: 2023-06-01`', issue: "write the issue's number, e.g. `issue: 35`" })[kind],
    },
    example: { kind: 'department', text: '待补充部门' },
  }),
  'code-block': rule<{ indented: boolean }>({
    severity: 'error',
    summary: { 'zh-CN': () => '行首 4 个空格或一个 Tab（或 ``` 围栏）使一段文字成了代码块。', en: () => 'Four leading spaces or a tab (or a ``` fence) make text a code block.' },
    message: {
      'zh-CN': ({ indented }) => `${indented ? '这一段的行首有 4 个以上的空格或一个 Tab' : '这一段在 ``` 之间'}，会显示成等宽字体的代码，而不是正文，括号里的部门也认不出来`,
      en: ({ indented }) => `${indented ? 'This text starts with four or more spaces or a tab' : 'This text stands between ``` fences'}, so it shows as code in a fixed-width font, not as text, and no department is read from it`,
    },
    hint: {
      'zh-CN': ({ indented }) => (indented ? '请删掉行首的空格或 Tab（中文段首的缩进不用写）' : '请删掉 ``` 这两行'),
      en: ({ indented }) => (indented ? 'delete the spaces or tab at the start of the lines (paragraphs need no indent)' : 'delete the two ``` lines'),
    },
    example: { indented: true },
  }),
  'link-definition': rule({
    severity: 'error',
    summary: { 'zh-CN': () => '一行 `[…]: …` 是 Markdown 的链接定义，网页上不显示。', en: () => 'A line `[…]: …` is a Markdown link definition, which the page never shows.' },
    message: { 'zh-CN': () => '这一行的写法（`[…]: …`）是 Markdown 的链接定义，网页上不显示，读者看不到', en: () => 'This line (`[…]: …`) is a Markdown link definition: the page never shows it' },
    hint: { 'zh-CN': () => '如果这是正文，请把方括号换成【】或（）', en: () => 'if it is text, write the brackets as 【】 or （）' },
    example: undefined,
  }),
  'blank-line-not-blank': rule<{ code: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '看起来是空行，其实有全角空格等字符，上下两段会连成一段。', en: () => 'A line that looks blank holds full-width spaces or the like, so the paragraphs around it join.' },
    message: {
      'zh-CN': ({ code }) => `这一行看起来是空行，其实有看不见的字符（${code}，如全角空格），Markdown 不把它当作空行，上下两段会连成一段`,
      en: ({ code }) => `This line looks blank but holds an invisible character (${code}, such as a full-width space): it is no blank line to Markdown, so the paragraphs around it join`,
    },
    hint: { 'zh-CN': () => '请删掉这一行里的空格，让它真正空着', en: () => 'delete the spaces on this line so that it is really empty' },
    example: { code: 'U+3000' },
  }),
  'control-character': rule<{ code: string; kind: 'nul' | 'line-break' | 'control' }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件里有 NUL 字符、Word 的换行符（U+2028 等）或其他控制字符。', en: () => 'The file holds a NUL, a Word line break (U+2028 …) or another control character.' },
    message: {
      'zh-CN': ({ code, kind }) =>
        kind === 'nul'
          ? `这里有一个 NUL 字符（${code}），文本文件里不应有它，文件可能已损坏，或不是 UTF-8 编码`
          : kind === 'line-break'
            ? `这里有一个 Word 留下的换行符（${code}），Markdown 不把它当作换行，它前后的文字会连成一行`
            : `这里有一个看不见的控制字符（${code}）`,
      en: ({ code, kind }) =>
        kind === 'nul'
          ? `A NUL character (${code}) stands here: text files have none, so the file may be damaged or not UTF-8`
          : kind === 'line-break'
            ? `A line break left by Word (${code}) stands here: Markdown takes it for no line end, so the text before and after it runs on`
            : `An invisible control character (${code}) stands here`,
    },
    hint: {
      'zh-CN': ({ kind }) => (kind === 'line-break' ? '请删掉它，按回车换行；要分段就再空一行' : kind === 'nul' ? '请删掉它；如果有很多，把文件另存为 UTF-8 编码的文本' : '请删掉它'),
      en: ({ kind }) => (kind === 'line-break' ? 'delete it and press Enter instead, with a blank line between paragraphs' : kind === 'nul' ? 'delete it; if there are many, save the file again as UTF-8 text' : 'delete it'),
    },
    example: { code: 'U+2028', kind: 'line-break' },
  }),
  'invisible-character': rule<{ code: string; name: { readonly [L in Language]: string } }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '正文里有零宽空格等看不见的字符，读者搜索这段文字时会找不到。', en: () => 'The text holds a zero-width space or another invisible character, which defeats searches for it.' },
    message: {
      'zh-CN': ({ code, name }) => `这里有一个看不见的字符（${name['zh-CN']}，${code}），页面上看不出来，但读者搜索这几个字时会因为它搜不到`,
      en: ({ code, name }) => `An invisible character (${name.en}, ${code}) stands here: readers do not see it, but searches for these words miss it`,
    },
    hint: { 'zh-CN': () => '请删掉它（多半是从网页或 Word 复制来的）', en: () => 'delete it (it usually comes with text copied from a web page or Word)' },
    example: { code: 'U+200B', name: { 'zh-CN': '零宽空格', en: 'zero-width space' } },
  }),
  'limit-exceeded': rule<{ kind: 'nesting' | 'markers' | 'aliases' | 'yaml-nesting' | 'size' | 'stack'; limit: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => '文件超出了检查能处理的上限（嵌套层数、符号个数、YAML 别名、文件大小）。', en: () => 'The file exceeds a limit of the check (nesting depth, marks, YAML aliases, file size).' },
    message: {
      'zh-CN': ({ kind, limit }) =>
        ({
          nesting: `这一行的列表或引用嵌套超过了 ${limit} 层（行首的 \`-\`、\`*\`、\`+\`、\`1.\`、\`>\` 或缩进）`,
          markers: `这一段的 \`*\`、\`_\`、\`[\`、\`]\` 超过了 ${limit} 个`,
          aliases: `文件开头的字段里，YAML 别名（\`*名称\`）展开后超过了 ${limit} 个`,
          'yaml-nesting': `文件开头的字段嵌套超过了 ${limit} 层`,
          size: `文件超过了 ${limit} KB，一期的文件不会这么大`,
          stack: '这个文件的结构太复杂（嵌套太深），检查无法读完',
        })[kind],
      en: ({ kind, limit }) =>
        ({
          nesting: `This line nests lists or quotes deeper than ${limit} levels (leading \`-\`, \`*\`, \`+\`, \`1.\`, \`>\` or indentation)`,
          markers: `This paragraph has more than ${limit} \`*\`, \`_\`, \`[\` and \`]\``,
          aliases: `The front matter's YAML aliases (\`*name\`) expand to more than ${limit}`,
          'yaml-nesting': `The front matter nests deeper than ${limit} levels`,
          size: `The file is larger than ${limit} KB, more than any issue needs`,
          stack: 'The file is structured too deeply for the check to read it',
        })[kind],
    },
    hint: {
      'zh-CN': ({ kind }) =>
        ({
          nesting: '期刊正文用不到这么深的嵌套，请删掉行首多余的符号和空格',
          markers: '请删掉多余的符号；要强调的文字用 `**加粗**`',
          aliases: '文件开头用不到别名，请把 `&名称`、`*名称` 换成具体的值',
          'yaml-nesting': '请对照格式说明里的样例，删掉多余的方括号、花括号或缩进',
          size: '请检查是否误粘贴了别的内容（例如整本年鉴）；一期的文件通常只有几十 KB',
          stack: '请检查行首的 `-`、`>`、缩进，以及成串的 `*`、`[`',
        })[kind],
      en: ({ kind }) =>
        ({
          nesting: 'an issue needs no such depth: delete the extra marks and spaces at the start of the line',
          markers: 'delete the extra marks; emphasise with `**bold**`',
          aliases: 'the front matter needs no aliases: write the values out instead of `&name` and `*name`',
          'yaml-nesting': 'compare it with the example of the format guide and delete the extra brackets, braces or indentation',
          size: 'check whether other text was pasted in by mistake; an issue file is a few dozen KB',
          stack: 'look at the leading `-`, `>` and indentation, and at long runs of `*` or `[`',
        })[kind],
    },
    example: { kind: 'nesting', limit: 32 },
  }),
  'html-raw': rule({
    severity: 'error',
    summary: { 'zh-CN': () => '正文里有 HTML 代码，网站会把它去掉。', en: () => 'The body contains raw HTML, which the site removes.' },
    message: {
      'zh-CN': () => '期刊里不能有 HTML 代码（为了安全，网站会去掉它，读者看不到）',
      en: () => 'Raw HTML is not allowed in an issue: the site removes it for safety, so it would not be shown',
    },
    hint: { 'zh-CN': () => '请改成普通文字或 Markdown，或者删掉它', en: () => 'write it as plain text or Markdown, or delete it' },
    example: undefined,
  }),
  'original-not-pdf': rule<{ name: string; looksLike: 'empty' | 'docx' | 'text' | 'other' }>({
    severity: 'error',
    summary: { 'zh-CN': () => '期刊旁边的原件不是 PDF 文件。', en: () => "The original beside an issue file is not a PDF." },
    message: {
      'zh-CN': ({ name, looksLike }) =>
        `原件 ${name} 不是 PDF 文件：${looksLike === 'empty' ? '它是空的' : looksLike === 'docx' ? '它看起来是改了扩展名的 Word 文档（.docx）' : looksLike === 'text' ? '它看起来是文字文件' : '它不以 PDF 文件的标记 `%PDF-` 开头'}`,
      en: ({ name, looksLike }) =>
        `The original ${name} is not a PDF file: ${looksLike === 'empty' ? 'it is empty' : looksLike === 'docx' ? 'it looks like a Word document (.docx) renamed' : looksLike === 'text' ? 'it looks like a text file' : 'it does not start with the PDF marker `%PDF-`'}`,
    },
    hint: {
      'zh-CN': () => '请换成这一期印刷原件的 PDF（Word、WPS 可“另存为 PDF”），文件名不变；没有原件就删掉它',
      en: () => "replace it with the printed issue's PDF (Word and WPS can save as PDF), keeping its name; without an original, delete it",
    },
    example: { name: '2023/035.pdf', looksLike: 'docx' },
  }),
  'original-unmatched': rule<{ name: string; expected: string | undefined }>({
    severity: 'warning',
    summary: { 'zh-CN': () => 'PDF 文件没有和哪一期同名，网站不会提供它。', en: () => 'A PDF is not named after an issue file, so no issue offers it.' },
    message: {
      'zh-CN': ({ name }) => `PDF 文件 ${name} 不是任何一期的原件：同一文件夹里没有与它同名的期刊文件，网站不会提供它`,
      en: ({ name }) => `The PDF ${name} is no issue's original: no issue file beside it has its name, so the site does not offer it`,
    },
    hint: {
      'zh-CN': ({ expected }) =>
        expected ? `如果它是 ${expected.replace(/\.pdf$/, '.md')} 那一期的原件，请改名为 ${expected}` : '原件须与它那一期的文件同名，例如 035.pdf 配 035.md',
      en: ({ expected }) =>
        expected ? `if it is the original of ${expected.replace(/\.pdf$/, '.md')}, rename it to ${expected}` : "name an original after its issue's file, e.g. 035.pdf beside 035.md",
    },
    example: { name: '2023/上街信息第35期.pdf', expected: '035.pdf' },
  }),
  'date-order': rule<{ number: number; date: string; previous: { number: number; date: string; file: string } }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '期号靠后的一期，日期反而更早。', en: () => 'A later issue number has an earlier date.' },
    message: {
      'zh-CN': ({ number, date, previous }) => `第 ${number} 期的日期是 ${date}，比第 ${previous.number} 期（${previous.date}，在 ${previous.file}）还早`,
      en: ({ number, date, previous }) => `Issue ${number} is dated ${date}, earlier than issue ${previous.number} (${previous.date}, in ${previous.file})`,
    },
    hint: { 'zh-CN': () => '请核对这个日期和这两个期号', en: () => 'check this date and the two numbers' },
    example: { number: 36, date: '2023-05-20', previous: { number: 35, date: '2023-06-01', file: '2023/035.md' } },
  }),
  'departments-missing': rule<{ fileName: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '没有 issues/departments.yml。', en: () => 'issues/departments.yml is missing.' },
    message: {
      'zh-CN': ({ fileName }) => `issues 文件夹里没有 ${fileName}`,
      en: ({ fileName }) => `There is no ${fileName} in the issues folder`,
    },
    hint: {
      'zh-CN': () => '请新建这个文件，每个供稿部门写一行 `- name: 部门名称`',
      en: () => 'create it with one `- name: 部门名称` line per reporting department',
    },
    example: { fileName: 'departments.yml' },
  }),
  'departments-invalid': rule<
    | { problem: 'yaml'; code: string; detail: string }
    | { problem: 'not-a-list' }
    | { problem: 'not-a-mapping'; text: string | undefined }
    | { problem: 'unknown-key'; key: string; guess: string | undefined; known: string[] }
    | { problem: 'no-name' }
    | { problem: 'bad-key'; key: keyof typeof departmentKeyForms }
  >({
    severity: 'error',
    summary: { 'zh-CN': () => 'issues/departments.yml 的某一条写法不对。', en: () => 'An entry of issues/departments.yml is malformed.' },
    message: {
      'zh-CN': (a) =>
        a.problem === 'yaml'
          ? `departments.yml：${explainYaml(a.code, a.detail)['zh-CN'][0]}`
          : a.problem === 'not-a-list'
            ? 'departments.yml 应当是一个列表'
            : a.problem === 'not-a-mapping'
              ? '这一条不是 `键: 值` 的写法'
              : a.problem === 'unknown-key'
                ? `这一条里有未知的键 \`${a.key}\``
                : a.problem === 'no-name'
                  ? '这一条没有 `name`'
                  : `\`${a.key}\` ${departmentKeyForms[a.key]['zh-CN']}`,
      en: (a) =>
        a.problem === 'yaml'
          ? `departments.yml: ${explainYaml(a.code, a.detail).en[0]}`
          : a.problem === 'not-a-list'
            ? 'departments.yml must be a list of entries'
            : a.problem === 'not-a-mapping'
              ? 'This entry is not a mapping'
              : a.problem === 'unknown-key'
                ? `Unknown key \`${a.key}\` in this entry`
                : a.problem === 'no-name'
                  ? 'This entry has no `name`'
                  : `\`${a.key}\` ${departmentKeyForms[a.key].en}`,
    },
    hint: {
      'zh-CN': (a) =>
        a.problem === 'yaml'
          ? explainYaml(a.code, a.detail)['zh-CN'][1]
          : a.problem === 'not-a-list'
            ? '每个部门写一条，以 `- name: …` 开头'
            : a.problem === 'not-a-mapping'
              ? a.text !== undefined
                ? `请写成 \`- name: ${a.text}\``
                : entryFormZh
              : a.problem === 'unknown-key'
                ? a.guess
                  ? `是不是 \`${a.guess}\`？请改名`
                  : `一条里只有 ${a.known.join('、')}：请改名或删掉`
                : a.problem === 'no-name'
                  ? entryFormZh
                  : '',
      en: (a) =>
        a.problem === 'yaml'
          ? explainYaml(a.code, a.detail).en[1]
          : a.problem === 'not-a-list'
            ? 'each line of a new one starts with `- name: …`'
            : a.problem === 'not-a-mapping'
              ? a.text !== undefined
                ? `write it as \`- name: ${a.text}\``
                : entryFormEn
              : a.problem === 'unknown-key'
                ? a.guess
                  ? `did you mean \`${a.guess}\`? Rename it`
                  : `an entry has only ${a.known.join(', ')}; rename or delete it`
                : a.problem === 'no-name'
                  ? entryFormEn
                  : '',
    },
    example: { problem: 'unknown-key', key: 'alias', guess: 'aliases', known: [] },
  }),
  'department-duplicate': rule<{ name: string; owner: string | undefined }>({
    severity: 'error',
    summary: { 'zh-CN': () => '一个部门名称或别名列了两次。', en: () => 'A department name or alias is listed twice.' },
    message: {
      'zh-CN': ({ name, owner }) => (owner === undefined ? `「${name}」在这一条里列了两次` : `「${name}」已经列在「${owner}」下面`),
      en: ({ name, owner }) => (owner === undefined ? `「${name}」 is listed twice in this entry` : `「${name}」 is already listed under 「${owner}」`),
    },
    hint: {
      'zh-CN': () => '一个名称只能指向一个部门，请只在一处保留它',
      en: () => "an item's department must lead to one department only, so keep it in one place",
    },
    example: { name: '区检察院', owner: '区人民检察院' },
  }),
  'department-slug-duplicate': rule<{ name: string; owner: string | undefined; slug: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '两个部门会得到同一个网址。', en: () => 'Two departments would get the same URL slug.' },
    message: {
      'zh-CN': ({ name, owner, slug }) =>
        `「${name}」得不到自己的网址：${owner === undefined ? '它的名称生成不了英文网址' : `「${owner}」已经用了 \`${slug}\``}`,
      en: ({ name, owner, slug }) =>
        `「${name}」 cannot get a web address of its own: ${owner === undefined ? 'its name gives no ASCII slug' : `「${owner}」 already has the slug \`${slug}\``}`,
    },
    hint: {
      'zh-CN': () => '请给其中一个部门写上自己的 `slug:`（用连字符连接的小写英文字母或数字）',
      en: () => 'give one of them a `slug:` of its own (lower-case ASCII words joined by hyphens)',
    },
    example: { name: '区文明办', owner: '区文化局', slug: 'qu-wen' },
  }),
  // npm run import: what it finds in the source file. Errors leave a placeholder or a missing
  // field the check rejects, or stop the import; warnings point at something to look at.
  'import-source-unreadable': rule<UnreadableProblem>({
    severity: 'error',
    summary: { 'zh-CN': () => '要导入的文件读不出文字，什么也没有写。', en: () => 'The file to import cannot be read; nothing was written.' },
    message: { 'zh-CN': (a) => `${unreadableZh(a)}，什么也没有写`, en: (a) => `${unreadableEn(a)}; nothing was written` },
    hint: { 'zh-CN': unreadableHintZh, en: unreadableHintEn },
    example: { problem: 'not-zip' },
  }),
  'import-docx-too-large': rule<{ part: string; size: number; limit: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => 'Word 文档解压后过大（可能是"压缩炸弹"），拒绝读取。', en: () => 'The Word document unpacks to too much (a possible zip bomb) and is refused.' },
    message: {
      'zh-CN': ({ part, size, limit }) => `Word 文档的 ${part} 解压后有 ${megabytes(size)}，超过上限 ${megabytes(limit)}，不读它，什么也没有写`,
      en: ({ part, size, limit }) => `The Word document's ${part} unpacks to ${megabytes(size)}, over the limit of ${megabytes(limit)}; it is not read and nothing was written`,
    },
    hint: {
      'zh-CN': () => '一期简报的文字远小于这个上限，请确认文件的来源；如果确实是稿件，用 Word/WPS 打开后把文字复制到 .txt 文件里导入',
      en: () => "an issue's text is far below this limit: check where the file came from; if it is a real issue, copy its text from Word/WPS into a .txt file and import that",
    },
    example: { part: 'word/document.xml', size: 104_857_600, limit: 33_554_432 },
  }),
  'import-pdf-no-text': rule<{ pages: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => 'PDF 没有文字层（是扫描件或图片），读不出文字。', en: () => 'The PDF has no text layer (a scan or images), so no text can be read.' },
    message: {
      'zh-CN': ({ pages }) => `这个 PDF 的 ${pages} 页里没有可以读取的文字（它是扫描件或图片），什么也没有写`,
      en: ({ pages }) => `The PDF's ${pages} page(s) hold no text to read (it is a scan, or images); nothing was written`,
    },
    hint: {
      'zh-CN': () => '请找原始的 Word/WPS 稿件导入；没有的话，用 WPS 或其他软件的"文字识别（OCR）"把 PDF 转成文字，核对后存为 .txt 再导入',
      en: () => 'import the original Word/WPS file instead; failing that, turn the PDF into text with OCR (文字识别, e.g. in WPS), check it, save it as .txt and import that',
    },
    example: { pages: 4 },
  }),
  'import-place-unknown': rule<{ missing: ('issue' | 'year')[] }>({
    severity: 'error',
    summary: { 'zh-CN': () => '刊头没有期号或日期，不知道文件该写到哪里。', en: () => "The masthead gives no issue number or date, so the file's place is unknown." },
    message: {
      'zh-CN': ({ missing }) => `刊头没有${missing.map((m) => (m === 'issue' ? '期号（第 N 期）' : '年份（日期）')).join('和')}，不知道文件该写到哪里，什么也没有写`,
      en: ({ missing }) => `The masthead has no ${missing.map((m) => (m === 'issue' ? 'issue number (第 N 期)' : 'year (date)')).join(' and ')}, so the file's place is unknown; nothing was written`,
    },
    hint: { 'zh-CN': () => '请加上 --out issues/年份/三位期号.md 再导入，例如 --out issues/2023/037.md', en: () => 'pass --out issues/YYYY/NNN.md, e.g. --out issues/2023/037.md' },
    example: { missing: ['year'] },
  }),
  'import-text-lost': rule<{ text: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '导入会丢掉原稿的文字，所以什么也没有写。', en: () => 'The import would lose text of the source, so nothing was written.' },
    message: {
      'zh-CN': ({ text }) => `导入会丢掉这一行的文字「${text}」，所以什么也没有写`,
      en: ({ text }) => `The import would lose this line's text 「${text}」, so nothing was written`,
    },
    hint: {
      'zh-CN': () => '请按 docs/editing.md 手工录入这一期（npm run new），并把这个稿件交给技术人员',
      en: () => 'enter the issue by hand (npm run new, see docs/editing.md) and hand this file to the developers',
    },
    example: { text: '区财政局' },
  }),
  'import-masthead-missing': rule<{ field: MastheadField; archive?: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '刊头缺少刊名、期号、日期或编印单位。', en: () => 'The masthead lacks the publication name, number, date or publisher.' },
    message: {
      'zh-CN': ({ field }) => `刊头里找不到${mastheadFields[field]['zh-CN']}`,
      en: ({ field }) => `No ${mastheadFields[field].en} found in the masthead`,
    },
    hint: {
      'zh-CN': ({ field, archive }) =>
        field === 'issue' || field === 'date'
          ? `文件里先写了占位的 \`${field}: 待补充${field === 'issue' ? '期号' : '日期'}\`，请换成真实的值，例如 \`${mastheadFields[field].example}\``
          : `请在文件开头加一行 \`${archive !== undefined ? `${field}: ${archive}` : mastheadFields[field].example}\`${archive !== undefined ? '（本档案最近一期的写法）' : ''}`,
      en: ({ field, archive }) =>
        field === 'issue' || field === 'date'
          ? `the file holds the placeholder \`${field}: 待补充${field === 'issue' ? '期号' : '日期'}\`; replace it with the real value, e.g. \`${mastheadFields[field].example}\``
          : `add a line \`${archive !== undefined ? `${field}: ${archive}` : mastheadFields[field].example}\` to the front matter${archive !== undefined ? " (as the archive's latest issue has it)" : ''}`,
    },
    example: { field: 'date' },
  }),
  'import-year-mismatch': rule<{ year: number; date: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '期号前印的年份和日期的年份不一致。', en: () => "The year printed with the number differs from the date's year." },
    message: {
      'zh-CN': ({ year, date }) => `刊头期号前印的是 ${year} 年，日期却是 ${date}`,
      en: ({ year, date }) => `The masthead prints the year ${year} with the number but dates the issue ${date}`,
    },
    hint: { 'zh-CN': () => '请核对哪个对，改正文件开头的 `date`', en: () => 'check which is right and correct `date` in the front matter' },
    example: { year: 2022, date: '2023-01-05' },
  }),
  'import-publication-differs': rule<{ printed: string; archive: string; file: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '刊头的刊名和本档案的刊名不同。', en: () => "The masthead's publication name differs from the archive's." },
    message: {
      'zh-CN': ({ printed, archive, file }) => `刊头印的刊名是「${printed}」，本档案最近一期（${file}）是「${archive}」`,
      en: ({ printed, archive, file }) => `The masthead names the publication 「${printed}」, the archive's latest issue (${file}) 「${archive}」`,
    },
    hint: {
      'zh-CN': ({ archive }) => `文件里照原稿写了刊头的刊名。如果导错了稿件，请删掉写出的文件；如果是同一份刊物，请把 \`publication\` 改成「${archive}」`,
      en: ({ archive }) => `the file has the masthead's name as printed. If this is the wrong source, delete the file written; if it is the same bulletin, change \`publication\` to 「${archive}」`,
    },
    example: { printed: '创文简报', archive: '上街信息', file: '2023/035.md' },
  }),
  'import-editors-missing': rule({
    severity: 'warning',
    summary: { 'zh-CN': () => '原稿末尾没有责任编辑。', en: () => 'The source names no editors at its end.' },
    message: { 'zh-CN': () => '原稿末尾没有"责任编辑："一行', en: () => 'No 责任编辑 line found at the end' },
    hint: {
      'zh-CN': () => '如果这一期印了责任编辑，请在文件开头加一行 `editors: [姓名]`；没有就不用管',
      en: () => 'if the issue names its editors, add `editors: [姓名]` to the front matter; otherwise leave it',
    },
    example: undefined,
  }),
  'import-department-missing': rule<{ label: string }>({
    severity: 'error',
    summary: { 'zh-CN': () => '一条稿件找不到供稿部门，末尾写了占位符。', en: () => 'An item has no department to be found; a placeholder ends it.' },
    message: {
      'zh-CN': ({ label }) => `「${label}」这一条找不到供稿部门，末尾写了占位符（待补充部门）`,
      en: ({ label }) => `No department found for 「${label}」: its end holds the placeholder （待补充部门）`,
    },
    hint: {
      'zh-CN': () => '请把（待补充部门）换成供稿部门，例如（济源路街道）',
      en: () => 'replace （待补充部门） with the reporting department, e.g. （济源路街道）',
    },
    example: { label: '区委老干部局举办老干部书画作品展' },
  }),
  'import-department-new': rule<{ name: string; guesses: string[] }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '供稿部门不在 issues/departments.yml 的名单里。', en: () => 'A department is not listed in issues/departments.yml.' },
    message: {
      'zh-CN': ({ name }) => `部门「${name}」不在 issues/departments.yml 的名单里`,
      en: ({ name }) => `The department 「${name}」 is not in issues/departments.yml`,
    },
    hint: {
      'zh-CN': ({ guesses }) =>
        `${guesses.length > 0 ? `最接近的已有名称：${guesses.map((g) => `「${g}」`).join('、')}；如果是其中之一，请改正文，或把这个写法加到它的 aliases。` : ''}如果是新部门，把导入结束时列出的几行粘贴到 issues/departments.yml`,
      en: ({ guesses }) =>
        `${guesses.length > 0 ? `nearest listed names: ${guesses.map((g) => `「${g}」`).join(', ')}; if it is one of them, correct the text or add this name to its aliases. ` : ''}If it is a new department, paste the lines listed at the end of the import into issues/departments.yml`,
    },
    example: { name: '区应急管理局', guesses: ['区城市管理局'] },
  }),
  'import-department-conflict': rule<{ line: string; own: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '单独一行的部门和条目末尾括号里的部门不同。', en: () => "A department line differs from the item's own department." },
    message: {
      'zh-CN': ({ line, own }) => `单独一行的部门「${line}」和这一条自己的（${own}）不同，两个都保留了`,
      en: ({ line, own }) => `The department line 「${line}」 differs from the item's own （${own}）: both are kept`,
    },
    hint: { 'zh-CN': () => '请删掉错的那个', en: () => 'delete the wrong one' },
    example: { line: '区财政局', own: '区农委' },
  }),
  'import-department-stranded': rule<{ name: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '单独一行的部门名前后都没有可以归属的稿件。', en: () => 'A department line has no item to belong to.' },
    message: {
      'zh-CN': ({ name }) => `单独一行的部门「${name}」后面没有稿件，它作为文字留在了正文最前面`,
      en: ({ name }) => `The department line 「${name}」 has no item after it: it is kept as text at the top of the body`,
    },
    hint: { 'zh-CN': () => '请把它移到该去的位置，或删掉', en: () => 'move it where it belongs, or delete it' },
    example: { name: '区财政局' },
  }),
  'import-headline-empty': rule<{ headline: string }>({
    severity: 'warning',
    summary: { 'zh-CN': () => '标题下面没有正文。', en: () => 'A headline has no text under it.' },
    message: { 'zh-CN': ({ headline }) => `标题「${headline}」下面没有正文`, en: ({ headline }) => `The headline 「${headline}」 has no text under it` },
    hint: {
      'zh-CN': () => '请补上正文，或删掉这个标题（如果是一行正文被当成了标题，把它并回正文）',
      en: () => 'add its text, or delete the headline (if a line of text was taken for a headline, join it back)',
    },
    example: { headline: '区农委开展农机安全生产专项检查' },
  }),
  'import-text-before-items': rule({
    severity: 'warning',
    summary: { 'zh-CN': () => '第一条稿件之前还有文字。', en: () => 'Text stands before the first item.' },
    message: { 'zh-CN': () => '第一条稿件之前还有文字（如"编者按"），放在了正文最前面', en: () => 'Text stands before the first item (an editor’s note, say): it is kept at the top of the body' },
    hint: {
      'zh-CN': () => '请把它改成一条稿件（前面加 `## 标题`，或段首加 `△`），或删掉',
      en: () => 'make it an item (`## 标题` before it, or `△` at its start) or delete it',
    },
    example: undefined,
  }),
} as const satisfies Record<string, AnyRule>;

/** A stable rule id such as `department-unknown`. */
export type RuleId = keyof typeof rules;

/** What the messages of rule `R` are made from. */
export type RuleArgs<R extends RuleId> = (typeof rules)[R] extends Rule<infer A> ? A : never;

/** Where a rule is explained: its section of the editors' guide. */
export function ruleUrl(ruleId: RuleId): string {
  return `docs/editing.md#${ruleId}`;
}

/** The leaf of a field path: `label` of distribution.1.label. */
function leafOf(path: readonly (string | number)[]): string {
  return [...path].reverse().find((part): part is string => typeof part === 'string') ?? 'field';
}

/** A message and its hint, joined as one line says them. */
export function joinHint(message: string, hint: string): string {
  return hint ? `${message}${inLanguage({ 'zh-CN': '：', en: ': ' })}${hint}` : message;
}
