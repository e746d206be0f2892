/**
 * Runs Eleventy (programmatic API) over templates/ with the site data, writing
 * into `outDir`. The only module besides .eleventy.ts that touches Eleventy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eleventy } from '@11ty/eleventy';
import type { SiteData } from '../site/site-data.ts';
import { attachSiteData } from './site-input.ts';

/** The repository root: where .eleventy.ts, templates/ and public/ live. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Renders every page of the site into `outDir` (which it creates). */
export async function renderSite(data: SiteData, outDir: string): Promise<void> {
  const eleventy = new Eleventy(path.join(projectRoot, 'templates'), outDir, {
    configPath: path.join(projectRoot, '.eleventy.ts'),
    pathPrefix: data.site.pathPrefix,
    quietMode: true,
    config: (eleventyConfig) => attachSiteData(eleventyConfig, data),
  });
  // Eleventy's own summary line ("Wrote 40 files in 0.24 seconds") is English and repeats the render step's time,
  // which the build prints in the editor's language; its errors are thrown, and the build reports them.
  eleventy.disableLogger();
  await eleventy.write();
}
