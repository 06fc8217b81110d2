// Core messages (records, documents, files, database), French: the reference.
export const coreFr = {
  'error.internal': 'Une erreur inattendue est survenue : {detail}',
  'error.field.required': 'Le champ « {field} » est obligatoire.',
  'error.field.tooLong': 'Le champ « {field} » est trop long ({max} caractères au plus).',
  'error.email.invalid':
    'L’adresse e-mail « {email} » n’est pas valide : vérifiez-la (exemple : nom@domaine.fr).',
  'error.amount.invalid':
    'Le montant « {value} » n’est pas un nombre : écrivez par exemple 1234,56 ou 1234.56.',
  'error.date.invalid':
    'La date « {value} » n’est pas valide : écrivez-la AAAA-MM-JJ (ex. 2026-10-31).',
  'error.period.invalid':
    'La période « {value} » n’est pas comprise : écrivez le mois comme 11/2026, 2026-11 ou novembre 2026, ou l’année seule (2026).',
  'error.sin.invalid':
    'Le NAS « {value} » n’est pas valide : il faut 9 chiffres (espaces et tirets acceptés).',
  'error.record.stale':
    'Ce {record} a été modifié par un autre poste pendant que vous le modifiiez. Rouvrez-le pour voir la dernière version, puis refaites votre modification.',
  'error.structure.notFound':
    'Aucun établissement « {structure} ». Lancez « postier init » pour en créer un.',
  'error.structure.ambiguous':
    'Il y a plusieurs établissements : précisez lequel avec --structure (ex. --structure {example}).',
  'error.dossier.duplicateNumber':
    'Le dossier n° {number} existe déjà dans « {structure} » : choisissez un autre numéro ou modifiez le dossier existant.',
  'error.dossier.notFound':
    'Aucun dossier n° {number} : vérifiez le numéro, ou créez le dossier d’abord (postier dossiers add).',
  'error.documentType.unknown': 'Type de document inconnu « {type} ». Types possibles : {types}.',
  'error.documentType.text.passwordRule':
    'La règle de mot de passe des documents « {type} » doit tenir sur une ligne, en {max} caractères au plus : corrigez-la.',
  'error.documentType.text.passwordFallback':
    'Le mot de passe de remplacement des documents « {type} » doit tenir sur une ligne, en {max} caractères au plus : corrigez-le.',
  'error.documentType.text.watermark':
    'Le filigrane des documents « {type} » doit tenir sur une ligne, en {max} caractères au plus : raccourcissez-le.',
  'error.documentType.fallbackSpaces':
    'Le mot de passe de remplacement des documents « {type} » ne peut pas contenir d’espace (les destinataires le tapent tel quel) : retirez les espaces.',
  'error.document.duplicateNumber':
    'Le document « {type} » n° {number} existe déjà : choisissez un autre numéro.',
  'error.document.notFound': 'Aucun document n° {id}.',
  'error.document.noPdf': 'Le document n° {id} n’a pas de PDF.',
  'error.pdf.notFound': 'Le fichier PDF « {file} » est introuvable : vérifiez le chemin.',
  'error.pdf.unreadable':
    'Le fichier « {file} » n’est pas un PDF lisible ({reason}) : exportez-le de nouveau depuis votre logiciel.',
  'error.file.unsafeName': 'Le nom de fichier « {name} » n’est pas accepté.',
  'error.dataFolder.unusable':
    'Le dossier de données « {folder} » est inutilisable ({reason}) : vérifiez qu’il existe et que vous pouvez y écrire.',
  'error.database.busy':
    'La base de données est occupée par un autre poste depuis trop longtemps : réessayez dans un instant.',
  'error.database.tooNew':
    'Cette base de données a été créée par une version plus récente de Postier : mettez Postier à jour sur ce poste.',
  'error.cli.argument': 'Argument « {argument} » : {problem}',

  'documentType.invoice': 'Facture',
  'documentType.notice': 'Avis d’échéance',
  'documentType.taxslip': 'Relevé fiscal',
  'documentType.statement': 'Relevé de compte',
  'documentType.verification': 'Formulaire de vérification',

  'emailState.none': 'Non envoyé',
  'emailState.queued': 'En attente',
  'emailState.sent': 'Envoyé',
  'emailState.failed': 'Échec',
  'emailState.uncertain': 'Incertain',
} as const;
