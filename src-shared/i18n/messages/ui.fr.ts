// Messages for screens, menus, dialogs, French: the reference.
export const uiFr = {} as const;
