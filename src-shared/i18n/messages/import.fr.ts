// Messages for imports of dossiers and documents, PDF splitting, exchange folder, exports, French: the reference.
export const importFr = {} as const;
