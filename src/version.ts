declare const __OPENWORK_VERSION__: string | undefined;

/** Set at build time by scripts/build.mjs; "dev" when running from source. */
export const VERSION: string = typeof __OPENWORK_VERSION__ === 'string' ? __OPENWORK_VERSION__ : 'dev';
