// What the import wizard gives each of its pages; a file of its own so that the pages and the
// wizard do not import each other.
import type { ReactNode } from 'react';

/** What each page of the wizard gets: the tabs to show first, and how to end. */
export interface ImportPageProps {
  header: ReactNode;
  onImported: () => void;
  onClose: () => void;
}
