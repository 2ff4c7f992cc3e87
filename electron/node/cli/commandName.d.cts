/** The command a command line names, and its index in argv (see commandName.cjs). */
export declare function findCommandName(argv: readonly string[]): { name: string | null; index: number };
