/** esbuild's `alias` option for the Node-side bundles (see bundleAliases.mjs). */
export declare const BUNDLE_ALIASES: Record<string, string>;
