// Types of test/dialect-matrix.mjs (a plain module, shared with test/run-all.mjs).
export declare const oneDatabaseOnly: Record<string, string>;
export declare const noDatabase: Record<string, string>;
export declare const sqlitePassOnly: string[];
