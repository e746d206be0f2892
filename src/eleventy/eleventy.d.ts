/**
 * The small part of Eleventy's API this project uses. Eleventy 3 ships no
 * TypeScript declarations (only JSDoc), so these are written from its source
 * (node_modules/@11ty/eleventy/src/UserConfig.js, Eleventy.js).
 */
declare module '@11ty/eleventy' {
  /** What a custom template extension's compile step receives as `this`. */
  export interface ExtensionContext {
    defaultRenderer(data: unknown): Promise<unknown>;
  }

  export interface ExtensionOptions {
    key?: string;
    compile?: (this: ExtensionContext, ...args: unknown[]) => (this: ExtensionContext, data: unknown) => Promise<unknown>;
  }

  /** The `eleventyConfig` argument of a config file. */
  export interface UserConfig {
    addExtension(extension: string | string[], options: ExtensionOptions): void;
    setTemplateFormats(formats: string | string[]): void;
    addPassthroughCopy(entry: string | Record<string, string>): UserConfig;
    addGlobalData(name: string, data: unknown): UserConfig;
    setQuietMode(quiet: boolean): void;
    setDataDeepMerge(deep: boolean): void;
    globalData: Record<string, unknown>;
  }

  export interface EleventyOptions {
    source?: 'cli' | 'script';
    runMode?: 'build' | 'serve' | 'watch';
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (eleventyConfig: UserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's console output (its errors are still thrown). */
    disableLogger(): void;
  }
}

declare module '@11ty/eleventy-plugin-rss' {
  /** Rewrites every URL in an HTML fragment to be absolute against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
