// The fields an e-mail template may use, as the user reads them: each standard field has a
// label and an example in both languages (i18n keys `template.field.<name>` and
// `template.field.<name>.example`), and a name mistyped is matched to the closest known one
// ("montnat" → "montant"). Pure: the template editor and the main side share it.

export const STANDARD_FIELDS = [
  'personne',
  'periode',
  'numero',
  'montant',
  'echeance',
  'type',
  'titre',
  'nom',
  'prenom',
  'dossier',
  'destinataire',
  'etablissement',
  'expediteur',
] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

/** The dossier's SIN: for the PDF password rules only. */
export const SIN_FIELD = 'nas';

/** Known to Postier but refused in e-mails (personal data). */
export const FORBIDDEN_FIELDS: ReadonlySet<string> = new Set([SIN_FIELD]);

/** Fields that may be empty for some dossiers: the ones a condition is offered for. */
export const OPTIONAL_FIELDS: readonly StandardField[] = [
  'echeance',
  'titre',
  'prenom',
  'destinataire',
];

const STANDARD: ReadonlySet<string> = new Set(STANDARD_FIELDS);

export function isStandardField(name: string): name is StandardField {
  return STANDARD.has(name);
}

/** Lower case, no accents, one kind of apostrophe, single spaces: how names are compared. */
export function normalizeWords(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The candidate closest to `typed` when it is close enough to be a slip (a letter missing,
 * added, changed, or two swapped: at most 1 for short names, 2 from 5 letters), else null.
 */
export function closestName(typed: string, candidates: Iterable<string>): string | null {
  const wanted = normalizeWords(typed);
  const allowed = wanted.length >= 5 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalizeWords(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, changes, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
