/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went:
 * self time per function and per area of the build (our parse and check,
 * the site model, Preact templates, Eleventy, file writing, module loading).
 */
import path from 'node:path';

/** The parts of a .cpuprofile this module reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function or area. */
export interface SelfTime {
  name: string;
  ms: number;
}

/** A summarised profile. */
export interface ProfileSummary {
  totalMs: number;
  functions: SelfTime[];
  modules: SelfTime[];
  areas: SelfTime[];
}

// First match wins: the area of the build a script belongs to, by its path.
const areas: [string, RegExp][] = [
  ['parse & check (src/parse, check, departments, messages, load-archive; unified/remark/micromark, yaml, zod, gray-matter, pinyin-pro)', /\/src\/(?:parse|check|departments|messages|model)\/|\/src\/load-archive\.ts|node_modules\/(?:unified|remark-[^/]+|micromark[^/]*|mdast-[^/]+|hast-[^/]+|unist-[^/]+|vfile[^/]*|yaml|zod|gray-matter|js-yaml|pinyin-pro|decode-named-character-reference|character-entities[^/]*|property-information|space-separated-tokens|comma-separated-tokens|stringify-entities|zwitch|bail|trough|devlop|ccount|html-void-elements|trim-lines|longest-streak)\//],
  ['site model and the build (src/site, src/eleventy, src/build)', /\/src\/(?:site|eleventy|search|build)\//],
  ['templates & Preact rendering', /\/templates\/|node_modules\/preact[^/]*\//],
  ['Eleventy (its own code and dependencies)', /node_modules\/(?:@11ty\/[^/]+|liquidjs|nunjucks|markdown-it|posthtml[^/]*|fast-glob|micromatch|picomatch|chokidar|graceful-fs|iso-639-1|bcp-47[^/]*|dependency-graph|filesize|is-glob|kleur|normalize-path|slugify|@sindresorhus\/slugify|moo|semver|debug|ms|entities|linkify-it|mdurl|uc\.micro|punycode[^/]*|js-yaml|tinyglobby|fdir|please-upgrade-node|node-retrieve-globals|acorn[^/]*|esm-import-transformer|evaluate-value|luxon|dom-serializer|htmlparser2|domhandler|domutils|minimist|sax|@sindresorhus\/[^/]+)\//],
  ['module loading (tsx, esbuild, node:internal/modules)', /node_modules\/(?:tsx|esbuild|get-tsconfig|resolve-pkg-maps)\/|node:internal\/modules\//],
  ['file system & streams (node:fs, zlib)', /node:(?:internal\/)?fs|node:internal\/(?:streams|fs)|node:zlib|node:internal\/zlib/],
];

/** Sums self time per function, per module (package or source file) and per area. */
export function summariseProfile(profile: CpuProfile, root: string): ProfileSummary {
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = toModule(url, root);
    const name = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    add(functions, name, ms);
    add(modules, where || functionName, ms);
    add(byArea, toArea(url, functionName), ms);
  }
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    functions: sorted(functions),
    modules: sorted(modules),
    areas: sorted(byArea),
  };
}

/** The package (`node_modules/x`) or repository-relative file a script URL stands for. */
export function toModule(url: string, root: string): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (inPackage) return inPackage[1]!;
  if (file.startsWith('node:')) return file;
  return path.relative(root, file);
}

function toArea(url: string, functionName: string): string {
  if (!url) {
    // V8's own entries: (garbage collector), (program), (idle), and native code.
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle (waiting for I/O or child processes)';
    return `V8/native ${functionName || '(anonymous)'}`;
  }
  for (const [area, pattern] of areas) if (pattern.test(url)) return area;
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return `other package: ${inPackage[1]}`;
  if (url.startsWith('node:')) return 'other Node internals';
  return 'other';
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function sorted(map: Map<string, number>): SelfTime[] {
  return [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
