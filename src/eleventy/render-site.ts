/**
 * Runs Eleventy (programmatic API) over templates/ with the site data, writing
 * into `outDir`. The only module besides .eleventy.ts that touches Eleventy.
 */
import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import { projectRoot } from '../paths.ts';
import type { SiteData } from '../site/site-data.ts';
import { attachSiteData } from './site-input.ts';

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
  // Eleventy starts copying public/ before it awaits the templates, and handles that copy's failure (a full disk)
  // only afterwards: meanwhile Node sees an unhandled rejection, which would end the process before write() rejects
  // with the same error. Such a failure is left to write()'s rejection; any other unhandled rejection still ends it.
  const copyFailed = (reason: unknown) => {
    if (!(reason instanceof Error && /Passthrough/.test(reason.name))) throw reason;
  };
  process.on('unhandledRejection', copyFailed);
  try {
    await eleventy.write();
  } finally {
    process.off('unhandledRejection', copyFailed);
  }
}
