/**
 * Golden cases of `npm run import`: each folder of tests/fixtures/import/ holds
 * an input text in one of the forms bulletins take, optional args.json (extra
 * arguments) and archive/ (issue files already in the archive), and the
 * expected issue file (expected.md) and outcome (expected.json: exit code,
 * front matter, items, what moved into the front matter, what was left out
 * and reported, the findings, the new departments, where the check reports
 * which rule). The import runs in a temporary folder exactly as the CLI does;
 * every character of the input must be in the file written or in the report
 * of what was left out. `UPDATE=1` rewrites expectations.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toRegistry } from '../src/departments/department-registry.ts';
import { parseDepartments } from '../src/departments/parse-departments.ts';
import { importCommand } from '../src/import/import-command.ts';
import { importIssue } from '../src/import/import-issue.ts';
import { importTexts } from '../src/messages/texts.ts';
import { readLatestPublication } from '../src/import/load-registry.ts';
import { say } from '../src/messages/message.ts';
import { rules } from '../src/messages/rules.ts';
import { findLostText } from '../src/import/lost-text.ts';
import { loadArchive } from '../src/load-archive.ts';
import { VFile } from 'vfile';

const root = fileURLToPath(new URL('./fixtures/import/', import.meta.url));
const departmentsPath = path.join(root, 'departments.yml');
// A case is a folder with an input file (encodings/ holds the bad-input files of import-cli.test.ts).
const cases = (await readdir(root, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory() && readdirSync(path.join(root, entry.name)).some((file) => file.startsWith('input.')))
  .map((entry) => entry.name)
  .sort();

for (const name of cases) {
  test(`importing the ${name} case writes the expected issue file and loses no text`, async () => {
    const caseDir = path.join(root, name);
    const inputName = (await readdir(caseDir)).find((file) => file.startsWith('input.'))!;
    const source = await readFile(path.join(caseDir, inputName), 'utf8');
    const extraArgs = JSON.parse(await readFile(path.join(caseDir, 'args.json'), 'utf8').catch(() => '[]')) as string[];

    const work = await mkdtemp(path.join(os.tmpdir(), 'import-golden-'));
    try {
      await mkdir(path.join(work, 'issues'));
      await copyFile(departmentsPath, path.join(work, 'issues', 'departments.yml'));
      const archive = path.join(caseDir, 'archive');
      if (existsSync(archive)) await cp(archive, path.join(work, 'issues'), { recursive: true });
      const latest = await readLatestPublication(path.join(work, 'issues'));
      await copyFile(path.join(caseDir, inputName), path.join(work, inputName));
      const stdout: string[] = [];
      const stderr: string[] = [];
      const exitCode = await importCommand([inputName, ...extraArgs], { cwd: work, stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), now: () => new Date(0) });
      const written = stdout[0];
      assert.ok(written, `a file was written; stderr:\n${stderr.join('\n')}`);
      const markdown = await readFile(path.join(work, written), 'utf8');

      // Nothing lost: every character of the body is in the file written.
      const registry = toRegistry(parseDepartments(await readFile(departmentsPath, 'utf8'), new VFile()));
      const imported = importIssue(source, registry, latest ? { latest } : {});
      assert.equal(imported.markdown, markdown, 'the CLI writes what importIssue returns');
      assert.deepEqual(findLostText(source, markdown, imported), []);
      // The report names every line left out, with its text as the source has it.
      for (const { line, text } of imported.removed) {
        assert.ok(stderr.some((reported) => reported.includes(`${inputName}:${line}  `) && reported.endsWith(`「${text}」`)), `line ${line} is reported as left out`);
      }

      // The check's view: the model when the file is clean, the messages otherwise.
      const { bulletin, files } = await loadArchive(path.join(work, 'issues'));
      const model = bulletin.issues.find((issue) => path.join('issues', issue.sourceFile) === written);
      const checkStart = stderr.indexOf(say(importTexts.checkHeader));
      // The check's lines end where the new departments' block (or the last line) begins.
      const blockStart = stderr.indexOf(say(importTexts.newDepartmentsHeader, { file: path.join('issues', 'departments.yml') }));
      const checkEnd = blockStart === -1 ? -1 : blockStart;
      const outcome = {
        exitCode,
        file: written,
        frontMatter: imported.frontMatter,
        items: imported.items.map(({ kind, section, headline, department }) => ({ kind, section, headline: headline ?? null, department })),
        movedToFrontMatter: imported.moved.map((line) => source.split('\n')[line - 1]),
        removed: imported.removed.map(({ line, kind, text }) => `${line} ${kind}: ${text}`),
        findings: imported.findings.map(({ line, ruleId, args }) => `${line} ${ruleId} ${JSON.stringify(args)}`),
        newDepartments: imported.newDepartments.map(({ name, slug, guesses }) => `${name} (${slug}) ~ ${guesses.join(', ')}`),
        // The block printed for departments.yml, as the editor pastes it.
        newDepartmentsBlock: blockStart === -1 ? [] : stderr.slice(blockStart + 1, -1),
        // Where and which rule; the wording of the reasons belongs to the check's own tests.
        check: checkStart === -1 ? [] : stderr.slice(checkStart + 1, checkEnd).map((line) => line.replace(/^(\S+)\s+(error|warning)\s+.*\s+(\S+)$/, '$1 $2 $3')),
        model: model
          ? { ...model, items: model.items.map(({ kind, section, headline, department, text }) => ({ kind, section, headline, department, text })) }
          : null,
      };
      // The new departments' block pastes into departments.yml as it stands: the file then lists them all.
      if (blockStart !== -1) {
        const pasted = new VFile();
        const departments = parseDepartments(`${await readFile(departmentsPath, 'utf8')}${stderr.slice(blockStart + 1, -1).join('\n')}\n`, pasted);
        assert.deepEqual(pasted.messages.map(String), []);
        const extended = toRegistry(departments);
        assert.ok(imported.newDepartments.every(({ name }) => extended.resolve(name)), 'every new department is in the pasted list');
      }
      const writtenFile = files.find((file) => file.path === path.join(work, written));
      assert.equal(exitCode === 0, model !== undefined && writtenFile?.messages.every((message) => message.fatal !== true), 'exit 0 exactly when the file written checks without errors');

      const expectedMd = path.join(caseDir, 'expected.md');
      const expectedJson = path.join(caseDir, 'expected.json');
      const actualJson = `${JSON.stringify(outcome, null, 2)}\n`;
      if (process.env.UPDATE === '1') {
        await writeFile(expectedMd, markdown);
        await writeFile(expectedJson, actualJson);
      }
      assert.equal(markdown, await readFile(expectedMd, 'utf8'));
      assert.equal(actualJson, await readFile(expectedJson, 'utf8'));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

// The rules that stop an import before anything is written have no golden case (the loop needs a file
// written); each is tested where its input is made: a damaged or odd file, a bomb, a scan, no place, lost text.
const stoppingRules: Record<string, string> = {
  'import-source-unreadable': 'import-cli.test.ts',
  'import-docx-too-large': 'import-docx.test.ts',
  'import-pdf-no-text': 'import-pdf.test.ts',
  'import-place-unknown': 'import-cli.test.ts',
  'import-text-lost': 'import-cli.test.ts',
};

test('every import rule of the catalogue is reported by a golden case, or tested where it stops the import', async () => {
  const reported = new Set<string>();
  for (const name of cases) {
    const { findings } = JSON.parse(await readFile(path.join(root, name, 'expected.json'), 'utf8')) as { findings: string[] };
    for (const finding of findings) reported.add(finding.split(' ')[1]!);
  }
  for (const id of Object.keys(rules).filter((rule) => rule.startsWith('import-'))) {
    if (reported.has(id)) continue;
    const testFile = stoppingRules[id];
    assert.ok(testFile, `${id} is reported by a golden case`);
    assert.match(await readFile(new URL(testFile, import.meta.url), 'utf8'), new RegExp(`${id}\\$[/\u0060]`), `${id} is asserted in ${testFile}`);
  }
});
