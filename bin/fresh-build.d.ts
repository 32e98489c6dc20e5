/** The package's root folder. */
export declare const root: string;
/** True in the installed package (no src/), or when lib/ is newer than every compiled source. */
export declare function builtFromCurrentSources(): boolean;
