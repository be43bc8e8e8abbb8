/** Types for scripts/build-client.mjs (bundles the editor island into dist/public/editor.js). */
export declare function buildClient(options?: { minify?: boolean }): Promise<{ outfile: string }>;
