/**
 * Every build uses this module for graphql-yoga's landing page (wrangler.toml `[alias]`): we set
 * `landingPage: false`, so its 12 KB of HTML would only be dead weight in the Worker.
 */
export default '';
