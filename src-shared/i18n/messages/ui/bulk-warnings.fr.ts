// Messages of the bulk send's warnings said by name (dialog and `postier send prepare`), its
// exclusion reasons in plain words, the dossier opened to fix one, and the preview's files.
// French: the reference.
export const uiBulkWarningsFr = {
  'ui.bulkWarnings.title': 'À vérifier avant l’envoi',
  'ui.bulkWarnings.fallback.title':
    'Dossiers sans NAS ({count}) : leur PDF sera protégé par le mot de passe de secours {password}',
  'ui.bulkWarnings.fallback.body':
    'Quiconque connaît ce mot de passe pourra ouvrir ces documents. Saisissez le NAS dans chaque dossier (« Corriger »), ou décochez le document.',
  'ui.bulkWarnings.fallback.sinMissing': 'NAS manquant',
  'ui.bulkWarnings.fallback.otherField': 'une donnée du mot de passe manque',
  'ui.bulkWarnings.fix': 'Corriger',
  'ui.bulkWarnings.fixLabel': 'Corriger le dossier {name}',
  'ui.bulkWarnings.showAll': 'Voir les {count} autres',
  'ui.bulkWarnings.showLess': 'Réduire la liste',
  'ui.bulkWarnings.passwordText':
    'Le message n’explique pas le mot de passe des documents « {type} » : les destinataires ne sauront pas ouvrir le PDF. Dites dans le texte comment le trouver (par exemple « Le mot de passe est votre NAS, sans espaces »).',
  'ui.bulkWarnings.large.title': 'Pièces jointes de plus de 1 Mo ({count})',
  'ui.bulkWarnings.large.body':
    'Elles sont lentes à recevoir et certaines boîtes les refusent : préférez des fichiers plus légers.',
  'ui.bulkWarnings.large.general': '« {file} » ({size}), pour tous les destinataires',
  'ui.bulkWarnings.large.dossier': '« {file} » ({size}), pour {name}',
  'ui.bulkWarnings.sender.sentAs':
    'L’expéditeur {sender} n’est pas du même domaine que le compte d’envoi {account} : les messages partiront de {sender}, et certains serveurs les refuseront ou les classeront en indésirables. Vérifiez que le compte a le droit d’envoyer de cette adresse.',
  'ui.bulkWarnings.sender.replyTo':
    'L’expéditeur {sender} n’est pas du même domaine que le compte d’envoi {account} : les messages partiront de {account} à son nom, et les réponses iront à {sender}.',
  'ui.bulkWarnings.cli.title': 'À vérifier avant l’envoi :',

  // Why a dossier is left out, in the clerk's words (the planner's detail explained).
  'ui.bulkWarnings.reason.summary_number':
    'Le numéro de sommaire du relevé manque : importez de nouveau ce relevé avec son numéro de sommaire.',
  'ui.bulkWarnings.reason.precondition':
    'Il manque au document une donnée que son type exige : complétez-la avant de l’envoyer.',
  'ui.bulkWarnings.reason.pdfGone':
    'Le fichier PDF du document est introuvable dans le dossier de données : importez-le de nouveau.',
  'ui.bulkWarnings.reason.noPdf': 'Le document n’a pas de PDF : importez-le avant de l’envoyer.',
  'ui.bulkWarnings.openDossier': 'Ouvrir le dossier',
  'ui.bulkWarnings.openDossierLabel': 'Ouvrir le dossier {name}',
  'ui.bulkWarnings.col.action': 'Correction',

  // The dossier opened from the dialog.
  'ui.bulkWarnings.fixTitle': 'Dossier {name}',
  'ui.bulkWarnings.fixHint':
    'Corrigez puis enregistrez (Ctrl+S) : la liste de l’envoi sera mise à jour.',
  'ui.bulkWarnings.refreshing': 'Mise à jour de la liste…',

  // The preview: one message per address, every file.
  'ui.bulkWarnings.preview.addresses': 'Un message par adresse',
  'ui.bulkWarnings.preview.files': 'Pièces jointes',
  'ui.bulkWarnings.role.document': 'le document',
  'ui.bulkWarnings.role.extra': 'pièce du document',
  'ui.bulkWarnings.role.recipient': 'pour ce dossier',
  'ui.bulkWarnings.role.general': 'pour tous',
  'ui.bulkWarnings.protected': 'protégé par mot de passe',
} as const;
