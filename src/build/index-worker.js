/**
 * The Pagefind half of the index step (search-index.ts), run in a
 * worker thread: it talks to Pagefind's process and writes the bundles' files
 * while the build's main thread renders the pages. On the main thread, every
 * reply from Pagefind waited for Eleventy to yield, and Eleventy renders
 * synchronously: measured in a rebuild at 1,000 issues, the newest bundle's
 * index came back only after the ~0.9 s render, and its files took another
 * 0.2–0.4 s to write.
 *
 * Plain JavaScript, importing only Pagefind and Node: a worker does not
 * inherit tsx's module hooks, and needs none this way.
 *
 * Messages in: `{ type: 'bundle', target, records }` for each
 * bundle to index (in order), then `{ type: 'writable' }` once nothing else
 * writes into the output folder, or `{ type: 'abort' }`; `{ type: 'end' }`
 * when every bundle has been sent. Out: `{ type: 'indexed' }` as each bundle
 * is indexed (its files are written later), then `{ type: 'finished' }`, or
 * `{ type: 'failed', message, code, path }` (the worker then ends; `code` and
 * `path` are those of a failed file system call, e.g. ENOSPC).
 */
import { Buffer } from 'node:buffer';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

/** Pagefind's browser files the site does not use (its ready-made UIs, the highlight script, the worker). */
const unusedBundleFiles = new Set([
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
]);

// Writes in flight per bundle: enough to keep libuv's threads busy.
const writeConcurrency = 16;

/** Pagefind's fragments are gzip of this signature followed by JSON. */
const fragmentSignature = 'pagefind_dcd';

if (!parentPort) throw new Error('index-worker.js runs as a worker thread');
const port = parentPort;

let allowWrites;
let refuseWrites;
const writable = new Promise((resolve, reject) => {
  allowWrites = resolve;
  refuseWrites = reject;
});
writable.catch(() => {});

// Bundles are indexed one after another, each with its own Pagefind process, closed before
// the next starts: the indexer's memory grows with its records, and only one bundle's worth
// is ever held. Their files are written while the next bundle is indexed.
let indexing = Promise.resolve();
const writes = [];

// A failure is reported at once, not at the end: the build waits for each bundle to be indexed before sending the
// next. Writes not yet started never start; those under way are let finish first, since the build removes its
// folder once it has the reply.
let failed = false;
const fail = (error) => {
  if (failed) return;
  failed = true;
  refuseWrites(error);
  Promise.allSettled(writes).then(() => {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error), code: error?.code, path: error?.path });
    port.close();
  });
};

port.on('message', (message) => {
  if (failed) return;
  if (message.type === 'bundle') {
    const { target, records } = message;
    indexing = indexing.then(async () => {
      const files = await indexBundle(records, target);
      port.postMessage({ type: 'indexed' });
      const written = writable.then(() => writeBundleFiles(files, target));
      written.catch(fail);
      writes.push(written);
    });
    indexing.catch(fail);
  } else if (message.type === 'writable') {
    allowWrites();
  } else if (message.type === 'abort') {
    refuseWrites(new Error('the build stopped before the search index was written'));
  } else if (message.type === 'end') {
    indexing
      .then(() => Promise.all(writes))
      .then(() => {
        if (failed) return;
        port.postMessage({ type: 'finished' });
        port.close();
      }, fail);
  }
});

/** Indexes `records` with Pagefind and returns the bundle's files (those the site uses). */
async function indexBundle(records, target) {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    const addErrors = added.flatMap((response, position) => response.errors.map((error) => `${records[position].url}: ${error}`));
    if (addErrors.length > 0) throw new Error(`Pagefind refused records:\n${addErrors.join('\n')}`);
    // The files come back in memory and are written by writeBundleFiles: fragments
    // lose their content on the way (withoutContent) and unused files are never written.
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind could not build ${target}: ${fileErrors.join('; ')}`);
    await index.deleteIndex();
    return files.filter((file) => !unusedBundleFiles.has(file.path));
  } finally {
    await pagefind.close();
  }
}

/**
 * Writes a bundle's files into `target`. Measured here, the ~1,800 small
 * files of a bundle take 0.3–2 s to create on this file system, so they are
 * written in the background while Pagefind indexes the next bundle. Each
 * fragment loses its content just before it is written, spreading that work
 * over the same time.
 */
async function writeBundleFiles(files, target) {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(target, file.path))))) await mkdir(folder, { recursive: true });
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const file = files[next++];
      await writeFile(path.join(target, file.path), file.path.startsWith('fragment/') ? withoutContent(file.content, file.path) : file.content);
    }
  };
  await Promise.all(Array.from({ length: writeConcurrency }, writer));
}

/**
 * A fragment with an empty `content`. Pagefind stores a record's content in
 * its fragment for its own excerpts; ours is the index words
 * (search-tokens.ts), which the page never reads (it verifies and cuts
 * excerpts from `meta.text`), and they are more than half of each fragment's
 * bytes (measured: 2,010 → 883 bytes gzip on average at 1,000 issues). Every
 * result a reader sees loads one fragment. The file keeps its name: Pagefind
 * names fragments by a hash of their original content, which still changes
 * whenever the record does.
 */
function withoutContent(gzipped, name) {
  const text = gunzipSync(gzipped).toString('utf8');
  if (!text.startsWith(fragmentSignature)) throw new Error(`${name} is not a Pagefind fragment`);
  const fragment = JSON.parse(text.slice(fragmentSignature.length));
  fragment.content = '';
  // Node's gzip header has no time stamp: the same fragment gives the same bytes.
  return gzipSync(Buffer.from(`${fragmentSignature}${JSON.stringify(fragment)}`), { level: 9 });
}
