/**
 * Loaded by `node --import ./src/cli/preload.js --import tsx …` (package.json's
 * build, the build process of npm start, the benchmark; not npm start's own
 * process, which serves and watches and imports none of these but esbuild,
 * so that preloading them only cost it 0.4–0.5 s before it listens): imports the
 * build's dependencies before tsx registers its module hooks, so that Node
 * loads their ~1,000 modules by itself. Through tsx's hooks, each of them costs
 * a round trip to the hooks' thread: measured here, importing src/build/build-site.ts
 * took 1.7–1.9 s without this file and 1.2–1.4 s with it. Only a speed-up: a
 * dependency left out here is still loaded, through tsx, when it is imported.
 * (Left out on purpose: pinyin-pro, which src/departments/department-slug.ts
 * loads only when a slug is made, and Pagefind, which only the index worker
 * thread loads, in a module graph of its own: src/build/index-worker.js.)
 */
const dependencies = [
  '@11ty/eleventy',
  '@11ty/eleventy-plugin-rss',
  'esbuild',
  'fastest-levenshtein',
  'gray-matter',
  'mdast-util-to-string',
  'preact',
  'preact-render-to-string',
  'remark-html',
  'remark-parse',
  'unified',
  'unist-util-visit',
  'vfile',
  'vfile-message',
  'yaml',
  'zod',
];

await Promise.all(dependencies.map((name) => import(name)));
