// The auto-pause's bounds, shared by the core (which enforces them at every door) and the
// window (whose number box offers only these values).

/** Refusals in a row before a run stops sending from an account, when nothing is saved. */
export const AUTO_PAUSE_DEFAULT = 5;
/** 0 turns the auto-pause off. */
export const AUTO_PAUSE_OFF = 0;
/** Beyond this, a wrong list would already have burnt a batch: the pause would come too late. */
export const AUTO_PAUSE_MAX = 100;
