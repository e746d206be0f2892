// Fault injection for the fault suite (tests/build-faults.test.ts), loaded into a build's process with
// `node --import ./tests/support/fs-faults.js`. It wraps Node's file system calls that change something
// (every variant: callback, Sync, promises) and, for paths under `root`, as $BULLETIN_FS_FAULTS (JSON) asks:
//   trace: a file to append each call to, one JSON line ({ op, variant, path }), to learn a build's calls;
//   kill:  { op, at }: SIGKILL this process at the at-th call of op (before it happens), as a power cut or kill -9;
//   fail:  { code, under, after }: fail every call on a path under `under` after the first `after` ones, with
//          `code` (ENOSPC, EACCES, EROFS) as the kernel would: a full disk, a folder that may not be written;
//   pause: { variant, at, until, paused }: at the at-th call of that variant, write `paused` and block until
//          `until` exists, to hold a build at one instant while another runs.
// Plain JavaScript, so it adds no loader of its own. The index worker thread (src/build/index-worker.js) is
// started without it: its writes go through unwrapped.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';

const config = JSON.parse(process.env.BULLETIN_FS_FAULTS ?? '{}');
const root = config.root && path.resolve(config.root);
const original = { appendFileSync: fs.appendFileSync, writeFileSync: fs.writeFileSync, existsSync: fs.existsSync };
const counts = new Map();
let failed = 0;

/** The operations wrapped, each with the indexes of its path arguments. */
const operations = {
  rename: [0, 1],
  link: [0, 1],
  symlink: [1],
  writeFile: [0],
  appendFile: [0],
  copyFile: [1],
  mkdir: [0],
  unlink: [0],
  rmdir: [0],
  rm: [0],
  open: [0],
};

const errnos = { ENOSPC: -28, EACCES: -13, EROFS: -30, EPERM: -1 };

// Set while this file writes its own files (appendFileSync calls writeFileSync): those calls pass through.
let busy = false;

/** Runs before each wrapped call: may kill, pause, or return an error for the call to fail with. */
function before(op, variant, args) {
  if (busy) return undefined;
  busy = true;
  try {
    return decide(op, variant, args);
  } finally {
    busy = false;
  }
}

function decide(op, variant, args) {
  const paths = operations[op].map((index) => args[index]).filter((value) => typeof value === 'string' || value instanceof URL).map((value) => path.resolve(String(value instanceof URL ? value.pathname : value)));
  const inside = root && paths.some((file) => file === root || file.startsWith(`${root}${path.sep}`));
  if (!inside) return undefined;
  // Opening to read changes nothing.
  if (op === 'open' && !/[wax+]/.test(String(args[1] ?? 'r'))) return undefined;
  if (config.trace) original.appendFileSync(config.trace, `${JSON.stringify({ op, variant, path: paths.at(-1) })}\n`);
  const count = (counts.get(op) ?? 0) + 1;
  counts.set(op, count);
  const variantCount = (counts.get(variant) ?? 0) + 1;
  counts.set(variant, variantCount);
  if (config.kill && config.kill.op === op && config.kill.at === count) process.kill(process.pid, 'SIGKILL');
  if (config.pause && config.pause.variant === variant && config.pause.at === variantCount) {
    original.writeFileSync(config.pause.paused, String(process.pid));
    const tick = new Int32Array(new SharedArrayBuffer(4));
    while (!original.existsSync(config.pause.until)) Atomics.wait(tick, 0, 0, 50);
  }
  const fail = config.fail;
  if (fail && paths.some((file) => file === fail.under || file.startsWith(`${fail.under}${path.sep}`)) && ++failed > (fail.after ?? 0)) {
    const where = paths.at(-1);
    return Object.assign(new Error(`${fail.code}: injected fault, ${op} '${where}'`), { code: fail.code, errno: errnos[fail.code] ?? -1, syscall: op, path: where });
  }
  return undefined;
}

for (const op of Object.keys(operations)) {
  const callback = fs[op];
  fs[op] = function (...args) {
    const error = before(op, op, args);
    if (!error) return callback.apply(this, args);
    const done = args.at(-1);
    if (typeof done === 'function') process.nextTick(done, error);
  };
  const sync = fs[`${op}Sync`];
  if (sync) {
    fs[`${op}Sync`] = function (...args) {
      const error = before(op, `${op}Sync`, args);
      if (error) throw error;
      return sync.apply(this, args);
    };
  }
  const promised = fs.promises[op];
  if (promised) {
    fs.promises[op] = async function (...args) {
      const error = before(op, `promises.${op}`, args);
      if (error) throw error;
      return promised.apply(this, args);
    };
  }
}
// ES modules that import these functions by name see the wrapped ones too.
syncBuiltinESMExports();
