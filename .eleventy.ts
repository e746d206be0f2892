/**
 * Eleventy configuration: wiring only. The bulletin is read and checked by src/
 * (loadArchive); Eleventy renders templates/ over that model and copies public/.
 * Run through src/build-site.ts (`npm run build`), or on its own with
 * `npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts --input=templates`.
 */
import { fileURLToPath } from 'node:url';
import type { UserConfig } from '@11ty/eleventy';
import { siteConfig } from './site.config.ts';
import { toOutput } from './src/eleventy/render-template.ts';
import { originalsToCopy, siteDataFor } from './src/eleventy/site-input.ts';

export default async function (eleventyConfig: UserConfig) {
  // Templates are Preact TSX modules run as 11ty.js templates (tsx loads them); their JSX becomes escaped HTML.
  eleventyConfig.addExtension(['11ty.tsx'], {
    key: '11ty.js',
    compile: () =>
      async function (data) {
        return toOutput(await this.defaultRenderer(data));
      },
  });
  // Only those templates: Eleventy never reads issues/*.md or any other file as a page.
  eleventyConfig.setTemplateFormats(['11ty.tsx']);

  // Global data: settings and the site model built from the checked bulletin (see src/eleventy/site-input.ts).
  const { site, archive, pages, issuesDir } = await siteDataFor(eleventyConfig, siteConfig, 'issues');
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addGlobalData('archive', archive);
  // What the paginated templates render: everything, or in a rebuild only the pages whose inputs changed.
  eleventyConfig.addGlobalData('pages', pages);

  // public/ (styles, icons) is copied as is to the root of the site.
  eleventyConfig.addPassthroughCopy({ [fileURLToPath(new URL('public', import.meta.url))]: '/' });
  // Each issue's printed original (issues/2023/035.pdf) is copied beside its page (/issues/2023/35/2023-035.pdf).
  eleventyConfig.addPassthroughCopy(originalsToCopy(archive, issuesDir));

  // Folders come from the caller (renderSite() passes templates/ and a temporary output folder):
  // folders returned here would override the programmatic API's.
}
