/**
 * The import's rules: what `npm run import` finds in the editor's source
 * file, by stable id, with severity, message and hint in every language.
 * Errors leave a placeholder or a missing field the check rejects (or stop
 * the import); warnings point at something to look at. Each rule has a
 * section of docs/editing.md (`#rule-id`).
 */
import type { Message } from '../messages/message.ts';

/** How bad a finding is: an error must be fixed before the issue is published, a warning looked at. */
type Severity = 'error' | 'warning';

/** A rule of the import. `A` is what its messages are made from. */
export interface ImportRule<A = void> {
  severity: Severity;
  /** What the rule finds, in one sentence. */
  summary: Message;
  message: Message<A>;
  hint: Message<A>;
  /** The arguments of the example quoted in docs/editing.md. */
  example: A;
}

function rule<A = void>(definition: ImportRule<A>): ImportRule<A> {
  return definition;
}

/** A front-matter field the masthead may fail to give. */
export type MastheadField = 'publication' | 'issue' | 'date' | 'publisher';

const fieldNames: Record<MastheadField, { 'zh-CN': string; en: string; example: string }> = {
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

/** Every import rule, by stable id. */
export const importRules = {
  'import-source-unreadable': rule<UnreadableProblem>({
    severity: 'error',
    summary: { 'zh-CN': () => '要导入的文件读不出文字，什么也没有写。', en: () => 'The file to import cannot be read; nothing was written.' },
    message: { 'zh-CN': (a) => `${unreadableZh(a)}，什么也没有写`, en: (a) => `${unreadableEn(a)}; nothing was written` },
    hint: { 'zh-CN': unreadableHintZh, en: unreadableHintEn },
    example: { problem: 'old-format', extension: '.doc' },
  }),
  'import-docx-too-large': rule<{ part: string; size: number; limit: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => 'Word 文档解压后过大（可能是"压缩炸弹"），拒绝读取。', en: () => 'The Word document unpacks to too much (a possible zip bomb) and is refused.' },
    message: {
      'zh-CN': ({ part, size, limit }) => `Word 文档的 ${part} 解压后有 ${megabytes(size)}，超过上限 ${megabytes(limit)}：不读它，什么也没有写`,
      en: ({ part, size, limit }) => `The Word document's ${part} unpacks to ${megabytes(size)}, over the limit of ${megabytes(limit)}: it is not read and nothing was written`,
    },
    hint: {
      'zh-CN': () => '一期简报的文字远小于这个上限：请确认文件来源；如果是真实的稿件，用 Word/WPS 打开后把文字复制到 .txt 文件里导入',
      en: () => "an issue's text is far below this limit: check where the file came from; if it is a real issue, copy its text from Word/WPS into a .txt file and import that",
    },
    example: { part: 'word/document.xml', size: 104_857_600, limit: 33_554_432 },
  }),
  'import-pdf-no-text': rule<{ pages: number }>({
    severity: 'error',
    summary: { 'zh-CN': () => 'PDF 没有文字层（是扫描件或图片），读不出文字。', en: () => 'The PDF has no text layer (a scan or images), so no text can be read.' },
    message: {
      'zh-CN': ({ pages }) => `这个 PDF 的 ${pages} 页里没有可以读取的文字：它是扫描件或图片，什么也没有写`,
      en: ({ pages }) => `The PDF's ${pages} page(s) hold no text to read: it is a scan or images; nothing was written`,
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
      'zh-CN': ({ field }) => `刊头里找不到${fieldNames[field]['zh-CN']}`,
      en: ({ field }) => `No ${fieldNames[field].en} found in the masthead`,
    },
    hint: {
      'zh-CN': ({ field, archive }) =>
        field === 'issue' || field === 'date'
          ? `文件里写了占位的 \`${field}: 待补充${field === 'issue' ? '期号' : '日期'}\`：请换成真实的值，例如 \`${fieldNames[field].example}\``
          : `请在文件开头加一行 \`${archive !== undefined ? `${field}: ${archive}` : fieldNames[field].example}\`${archive !== undefined ? '（本档案最近一期的写法）' : ''}`,
      en: ({ field, archive }) =>
        field === 'issue' || field === 'date'
          ? `the file holds the placeholder \`${field}: 待补充${field === 'issue' ? '期号' : '日期'}\`: replace it with the real value, e.g. \`${fieldNames[field].example}\``
          : `add a line \`${archive !== undefined ? `${field}: ${archive}` : fieldNames[field].example}\` to the front matter${archive !== undefined ? " (as the archive's latest issue has it)" : ''}`,
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
      'zh-CN': ({ archive }) => `文件里照原稿写了刊头的刊名：如果导错了稿件，请删掉写出的文件；如果是同一份刊物，请把 \`publication\` 改成「${archive}」`,
      en: ({ archive }) => `the file has the masthead's name as printed: if this is the wrong source, delete the file written; if it is the same bulletin, change \`publication\` to 「${archive}」`,
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
} as const;

/** A stable import rule id such as `import-department-missing`. */
export type ImportRuleId = keyof typeof importRules;

/** What the messages of import rule `R` are made from. */
export type ImportRuleArgs<R extends ImportRuleId> = (typeof importRules)[R] extends ImportRule<infer A> ? A : never;

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}
