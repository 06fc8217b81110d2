// Messages for templates written by people who do not read Handlebars: each field's label
// and example, the plain words of conditions, pasted keywords of former products, the
// structure's signature and logo. French: the reference.
export const templatesHelpFr = {
  'template.field.personne': 'Nom de la personne',
  'template.field.personne.example': 'Mme Germaine Allard',
  'template.field.periode': 'Période',
  'template.field.periode.example': 'septembre 2026',
  'template.field.numero': 'Numéro du document',
  'template.field.numero.example': 'F-2026-0142',
  'template.field.montant': 'Montant',
  'template.field.montant.example': '1 234,50 $',
  'template.field.echeance': 'Date d’échéance',
  'template.field.echeance.example': '15 octobre 2026',
  'template.field.type': 'Type de document',
  'template.field.type.example': 'Facture',
  'template.field.titre': 'Civilité',
  'template.field.titre.example': 'Mme',
  'template.field.nom': 'Nom de famille',
  'template.field.nom.example': 'Allard',
  'template.field.prenom': 'Prénom',
  'template.field.prenom.example': 'Germaine',
  'template.field.dossier': 'Numéro de dossier',
  'template.field.dossier.example': 'R-0042',
  'template.field.destinataire': 'Nom du destinataire',
  'template.field.destinataire.example': 'Jean Allard',
  'template.field.etablissement': 'Nom de l’établissement',
  'template.field.etablissement.example': 'Résidence Les Érables',
  'template.field.expediteur': 'Nom de l’expéditeur',
  'template.field.expediteur.example': 'Julie Tremblay',
  'template.field.nas': 'NAS du dossier',
  'template.field.nas.example': '9 chiffres, sans espaces ni tirets',
  'template.field.extra': 'Champ libre du dossier',

  'template.words.if': 'Si :',
  'template.words.unless': 'Si vide :',
  'template.words.else': 'Sinon',
  'template.words.end': 'Fin si',

  'template.legacy.converted.one':
    '{count} mot-clé de votre ancien logiciel a été converti : {list}.',
  'template.legacy.converted.other':
    '{count} mots-clés de votre ancien logiciel ont été convertis : {list}.',
  'template.legacy.unknownNear':
    '« {keyword} » vient de votre ancien logiciel et Postier ne le connaît pas : utilisez le champ [{fr}].',
  'template.legacy.unknown':
    '« {keyword} » vient de votre ancien logiciel et Postier ne le connaît pas : choisissez le champ à utiliser dans « Insérer un champ ».',

  'error.template.unknownFieldNear.subject':
    'L’objet du message utilise le champ « {field} », qui n’existe pas : vouliez-vous dire « {suggestion} » ([{fr}]) ? Corrigez-le.',
  'error.template.unknownFieldNear.text':
    'Le texte du message utilise le champ « {field} », qui n’existe pas : vouliez-vous dire « {suggestion} » ([{fr}]) ? Corrigez-le.',
  'error.template.unknownFieldNear.html':
    'Le message HTML utilise le champ « {field} », qui n’existe pas : vouliez-vous dire « {suggestion} » ([{fr}]) ? Corrigez-le.',
  'error.template.legacyUnknown':
    'Le modèle contient « {keyword} », un mot-clé de votre ancien logiciel, que Postier n’utilise pas : remplacez-le par le champ « {suggestion} » ([{fr}]).',
  'error.template.legacyUnknownNoSuggestion':
    'Le modèle contient « {keyword} », un mot-clé de votre ancien logiciel, que Postier n’utilise pas : remplacez-le par un champ de Postier (liste : {fields}).',
  'error.template.words.unknownNear':
    '« [{label}] » n’est pas un champ : vouliez-vous dire [{fr}] ? Corrigez-le ou choisissez-le dans « Insérer un champ ».',
  'error.template.words.unknown':
    '« [{label}] » n’est pas un champ : choisissez le champ dans « Insérer un champ ».',
  'error.template.words.endAlone':
    '« {token} » termine une condition qui n’a pas commencé : retirez-le ou ajoutez la condition avant.',
  'error.template.words.notClosed':
    'Une condition n’est pas terminée : ajoutez « {end} » après le texte qu’elle concerne.',

  'error.signature.logoType':
    'Le fichier « {file} » n’est pas une image PNG ou JPEG : enregistrez le logo au format PNG ou JPEG.',
  'error.signature.logoSize':
    'Le logo « {file} » pèse {size} Ko ; la limite est {max} Ko, car il part avec chaque message : enregistrez-le plus petit (par exemple 300 pixels de large).',
  'error.signature.logoUnreadable':
    'Le fichier « {file} » est introuvable ou illisible : choisissez-le de nouveau.',
  'error.signature.textTooLong':
    'La signature compte {length} caractères ; la limite est {max} : raccourcissez-la.',

  'ui.templates.insertField': 'Insérer un champ',
  'ui.templates.insertCondition': 'Insérer une condition',
  'ui.templates.condition.if': 'Seulement si « {label} » est renseigné',
  'ui.templates.condition.unless': 'Seulement si « {label} » est vide',
  'ui.templates.condition.placeholder': 'texte à afficher',
  'ui.templates.plainHint':
    'Les champs s’écrivent entre crochets, par exemple [Nom de la personne] : ils sont remplacés pour chaque destinataire. Un texte collé de Gestion des ressources (&personne) ou de Winpass ({Adr_Nom}) est converti.',
  'ui.templates.preview': 'Aperçu avec des valeurs d’exemple',
  'ui.templates.signature': 'Signature de l’établissement',
  'ui.templates.signature.text': 'Texte de la signature',
  'ui.templates.signature.logo': 'Logo',
  'ui.templates.signature.noLogo': 'Aucun logo.',
  'ui.templates.signature.logoInfo': '{type}, {size} Ko',
  'ui.templates.signature.chooseLogo': 'Choisir un logo…',
  'ui.templates.signature.removeLogo': 'Retirer le logo',
  'ui.templates.signature.logoHint':
    'PNG ou JPEG, {max} Ko au plus. Il est placé dans chaque message sous la signature (image intégrée).',
  'ui.templates.signature.save': 'Enregistrer la signature',
  'ui.templates.signature.saved': 'Signature enregistrée.',
} as const;
