// The hardening's controls in the window and the CLI (auto-pause setting), French.
export const hardeningUiFr = {
  'ui.settings.autoPause': 'Suspendre l’envoi d’un compte après ce nombre de refus de suite',
  'ui.settings.autoPause.note':
    'Quand le serveur refuse autant de messages de suite (adresse inconnue, compte bloqué), l’envoi depuis ce compte s’arrête et le motif s’affiche : une liste erronée ne gâche pas tout un lot. De 0 (jamais) à {max}.',
  'ui.settings.autoPause.save': 'Enregistrer',
  'cli.autoPause.shown':
    'L’envoi d’un compte est suspendu après {count} refus de suite (0 : jamais ; réglage partagé par tous les postes).',
  'cli.autoPause.off':
    'La suspension automatique est désactivée (0) : l’envoi continue quels que soient les refus.',
  'cli.autoPause.saved':
    'Enregistré : l’envoi d’un compte sera suspendu après {count} refus de suite.',
} as const;
