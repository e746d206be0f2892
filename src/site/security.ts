/**
 * The Content-Security-Policy every page declares, and the headers a server
 * should send with the site (docs/deploy.md gives them for nginx; a test
 * checks that the docs say exactly this).
 *
 * The site runs no inline script and no inline style: scripts, styles,
 * fonts, images and the search index all come from the site itself. Pagefind
 * compiles its WebAssembly search module in the page, which CSP allows only
 * with 'wasm-unsafe-eval' (it allows WebAssembly, not JavaScript's eval).
 */

/** The policy, directive by directive, as a static page can declare it (in a <meta http-equiv>). */
const pageDirectives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The policy of the pages' <meta http-equiv="Content-Security-Policy">. */
export const contentSecurityPolicy = pageDirectives.join('; ');

/**
 * The same policy as a server header, with what a <meta> cannot say:
 * `frame-ancestors` (no other site may frame the pages; browsers ignore it in a <meta>).
 */
export const contentSecurityPolicyHeader = [...pageDirectives, "frame-ancestors 'self'"].join('; ');

/** The response headers to send with every file of the site. */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicyHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;
