import type { Application } from 'typedoc';

/** The text without specification codes ("(S10)" removed, "(S15: random)" → "(random)"). */
export declare function stripSpecCodes(text: string): string;
/** TypeDoc's entry point for plugins. */
export declare function load(app: Application): void;
