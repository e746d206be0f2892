/**
 * The Node flags of the build's processes, as package.json's build and start
 * scripts spell them: a larger young generation (less time in garbage
 * collection), the build's dependencies loaded before tsx (src/cli/preload.js),
 * then tsx for the TypeScript. npm start's build process and the benchmark use
 * these, so they measure what `npm run build` runs.
 */
import { fileURLToPath } from 'node:url';

/** `node` flags, with the preload file as an absolute path (any working folder). */
export const buildNodeFlags: readonly string[] = ['--max-semi-space-size=32', '--import', fileURLToPath(new URL('preload.js', import.meta.url)), '--import', 'tsx'];
