// The order a clerk reads a list of people in: last name, then first name, compared as the
// structure's language sorts them (Bélanger before Boucher, Émond with the E's), then by
// document so that equal names keep a stable order. The bulk send's list and its warnings
// both use it, so a dossier is at the same place in each.
import type { DocumentToPrepareRow as DocumentRow } from '../db/outbox-prepare-queries.js';

export type ByName = (a: DocumentRow, b: DocumentRow) => number;

export function byDossierName(locale: string): ByName {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return (a, b) =>
    collator.compare(a.dossier_last_name ?? '', b.dossier_last_name ?? '') ||
    collator.compare(a.dossier_first_name ?? '', b.dossier_first_name ?? '') ||
    a.id - b.id;
}
