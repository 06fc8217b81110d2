// Bounded input on dossiers and the records around them, French: the reference. Each text
// field has a longest length and no invisible characters, whichever door it comes through.
export const recordsInputFr = {
  'records.label.structureName': 'nom de l’établissement',
  'records.label.structureAddress': 'adresse de l’établissement',
  'records.label.phone': 'téléphone',
  'records.label.senderName': 'nom de l’expéditeur',
  'records.label.number': 'numéro de dossier',
  'records.label.title': 'civilité',
  'records.label.lastName': 'nom',
  'records.label.firstName': 'prénom',
  'records.label.address': 'adresse',
  'records.label.addressLine': 'ligne d’adresse',
  'records.label.email': 'adresse e-mail',
  'records.label.correspondentName': 'nom du correspondant',
  'records.label.relation': 'lien avec le client',
  'records.label.staffName': 'nom du gestionnaire',
  'records.label.groupName': 'nom du groupe',
  'records.label.extraKey': 'nom du champ libre',
  'records.label.extraValue': 'valeur du champ libre',
  'records.label.extraCount': 'champs libres',
  'records.label.correspondents': 'correspondants',
  'records.label.sin': 'NAS',
  'records.label.documentNumber': 'numéro de document',
  'records.label.summaryNumber': 'numéro de sommaire',

  'records.error.tooLong':
    'Le champ « {field} » est trop long : {length} caractères pour {max} au plus. Raccourcissez-le.',
  'records.error.controlCharacter':
    'Le champ « {field} » contient un caractère invisible (caractère nul, tabulation ou saut de ligne) : retapez-le au clavier plutôt que de le copier-coller.',
  'records.error.tooManyExtra':
    'Un dossier peut avoir {max} champs libres au plus ({count} donnés) : gardez seulement ceux dont les modèles ont besoin.',
  'records.error.emailLocalNotAscii':
    'L’adresse « {email} » a des lettres accentuées ou spéciales avant le « @ » : la plupart des serveurs de messagerie la refusent. Demandez au client une adresse sans accent avant le « @ ».',
  'records.error.sinTwice': 'Donnez le NAS avec --sin ou avec --sin-stdin, pas les deux.',
  'records.error.sinStdinEmpty':
    'Aucun NAS n’a été lu sur l’entrée standard : tapez-le puis Entrée, ou redirigez un fichier (--sin-stdin < nas.txt).',

  'records.import.tooLong':
    'Colonne « {column} » trop longue : {length} caractères pour {max} au plus. Corrigez cette ligne dans le fichier puis importez-le de nouveau.',
  'records.import.controlCharacter':
    'Colonne « {column} » : caractère invisible (caractère nul ou de contrôle). Corrigez cette ligne dans le fichier puis importez-le de nouveau.',
  'records.import.tooManyAddresses':
    'Colonne « {column} » : {count} adresses e-mail pour {max} au plus par dossier. Gardez seulement celles qui reçoivent les documents.',
  'records.import.emailLocalNotAscii':
    'Dossier {number} : l’adresse « {email} » (colonne « {column} ») a des lettres accentuées avant le « @ », que la plupart des serveurs refusent. Demandez une adresse sans accent avant le « @ ».',

  'records.cli.cutNotice':
    'Les cellules trop longues sont coupées (…) ; --json donne les valeurs entières.',
} as const;
