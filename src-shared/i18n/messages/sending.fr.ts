// Messages for templates and preparing bulk sends (recipients, exclusions, attachments, passwords), French: the reference.
export const sendingFr = {
  // --- Templates: one key per part, so that each message names the part in full words.
  'error.template.syntax.subject':
    'L’objet du message contient une erreur de syntaxe (ligne {line} : {detail}) : vérifiez les doubles accolades autour des champs.',
  'error.template.syntax.text':
    'Le texte du message contient une erreur de syntaxe (ligne {line} : {detail}) : vérifiez les doubles accolades autour des champs.',
  'error.template.syntax.html':
    'Le message HTML contient une erreur de syntaxe (ligne {line} : {detail}) : vérifiez les doubles accolades autour des champs.',
  'error.template.unknownField.subject':
    'L’objet du message utilise le champ « {field} », qui n’existe pas : corrigez-le. Champs possibles : {fields}.',
  'error.template.unknownField.text':
    'Le texte du message utilise le champ « {field} », qui n’existe pas : corrigez-le. Champs possibles : {fields}.',
  'error.template.unknownField.html':
    'Le message HTML utilise le champ « {field} », qui n’existe pas : corrigez-le. Champs possibles : {fields}.',
  'error.template.forbiddenField.subject':
    'L’objet du message utilise le champ « {field} » : le numéro d’assurance sociale ne doit jamais figurer dans un courriel. Retirez-le.',
  'error.template.forbiddenField.text':
    'Le texte du message utilise le champ « {field} » : le numéro d’assurance sociale ne doit jamais figurer dans un courriel. Retirez-le.',
  'error.template.forbiddenField.html':
    'Le message HTML utilise le champ « {field} » : le numéro d’assurance sociale ne doit jamais figurer dans un courriel. Retirez-le.',
  'error.template.unsupported.subject':
    'L’objet du message contient « {construct} », que Postier n’accepte pas : utilisez seulement des champs et des conditions #if / #unless.',
  'error.template.unsupported.text':
    'Le texte du message contient « {construct} », que Postier n’accepte pas : utilisez seulement des champs et des conditions #if / #unless.',
  'error.template.unsupported.html':
    'Le message HTML contient « {construct} », que Postier n’accepte pas : utilisez seulement des champs et des conditions #if / #unless.',
  'error.template.unescaped.html':
    'Le message HTML insère le champ « {field} » avec trois accolades, sans protection : écrivez-le avec deux accolades.',
  'error.template.htmlWithoutText':
    'Vous avez donné un message HTML sans texte brut : donnez aussi le texte (il est lu par les messageries qui n’affichent pas le HTML).',
  'error.template.defaultMissing':
    'Le modèle de courriel par défaut « {file} » est introuvable ou illisible : réinstallez Postier.',

  // --- Passwords and PDF protection.
  'error.password.ruleInvalid':
    'La règle de mot de passe des documents « {type} » (« {rule} ») n’est pas valide : écrivez un champ entre doubles accolades, par exemple le NAS.',
  'error.password.ruleField':
    'La règle de mot de passe des documents « {type} » utilise le champ « {field} », qui n’existe pas : corrigez la règle.',
  'error.password.noValue':
    'Le mot de passe des documents « {type} » ne peut pas être calculé pour le dossier {dossier}, et aucun mot de passe de remplacement n’est prévu : complétez le dossier ou la règle.',
  'error.pdf.encryptFailed':
    'Le PDF « {file} » n’a pas pu être protégé par mot de passe ({reason}) : exportez-le de nouveau depuis votre logiciel.',

  // --- Preparing a bulk send.
  'error.prepare.nothingChosen':
    'Choisissez les documents à envoyer : un type (et une période), ou les numéros des documents.',
  'error.prepare.noSender':
    'Aucune adresse d’expéditeur pour le dossier {dossier} : renseignez l’adresse de communication de « {structure} » ou l’adresse du compte d’envoi.',
  'error.prepare.recipientsOneDocument':
    'Des adresses choisies ne valent que pour l’envoi d’un seul document : choisissez un document, ou laissez Postier prendre les correspondants de chaque dossier.',
  'error.prepare.noRecipient':
    'Aucune adresse n’est choisie pour ce document : choisissez au moins un correspondant ou tapez une adresse e-mail.',
  'error.prepare.tooManyForMethod':
    'La méthode d’envoi du compte ouvre une fenêtre par message : elle ne convient pas à {count} messages (au plus {limit} à la fois). Envoyez moins de documents à la fois, ou choisissez un serveur SMTP, Microsoft 365 ou Gmail dans Paramètres > Compte de messagerie. Rien n’a été mis en file d’envoi.',
  'error.attachment.missing':
    'La pièce jointe « {file} » est introuvable ou illisible : vérifiez le fichier. Rien n’a été mis en file d’envoi.',
  'error.attachment.documentNotChosen':
    'Des pièces jointes individuelles sont prévues pour le document n° {id}, qui ne fait pas partie de cet envoi : retirez-les ou ajoutez ce document.',
  'warning.prepare.noDocuments': 'Aucun document ne correspond à ce choix ({selection}).',
  'warning.prepare.sandbox':
    'Aucun compte d’envoi n’est configuré pour « {structure} » : les messages seront écrits en fichiers (bac à sable) et ne partiront pas.',
  'warning.attachment.large':
    'La pièce jointe « {file} » pèse {size} : au-delà de 1 Mo, elle sera lente à recevoir et risque d’être refusée. Préférez un PDF plus léger.',
  'warning.password.notExplained':
    'Les documents « {type} » sont protégés par un mot de passe, mais le message ne l’explique pas : ajoutez la règle du mot de passe au texte, sinon les destinataires ne pourront pas les ouvrir.',
  'warning.template.fieldEmpty':
    'Le champ « {field} » est vide pour {count, plural, one {# dossier} other {# dossiers}} ({dossiers}) : le message le laissera en blanc.',

  // --- Why a document is not queued.
  'exclusion.no_address': 'aucune adresse e-mail',
  'exclusion.invalid_address': 'adresse e-mail invalide',
  'exclusion.opted_out': 'n’accepte pas les documents par e-mail',
  'exclusion.no_pdf': 'pas de PDF',
  'exclusion.precondition':
    'pas de numéro de sommaire (le relevé ne peut pas être envoyé avant le sommaire)',
  'exclusion.already_sent': 'déjà envoyé à cette adresse',
  'exclusion.already_queued': 'déjà en file d’envoi pour cette adresse',
  'exclusion.too_large': 'message trop lourd pour le compte d’envoi',

  // --- Actions on queued messages.
  'error.message.stale':
    'Le message n° {id} a été modifié par un autre poste entre-temps : actualisez la liste, puis recommencez.',
  'error.message.cannotFixAddress':
    'Le message n° {id} est « {status} » : on ne corrige l’adresse que d’un message en attente, bloqué, en échec ou incertain.',
  'error.message.sameAddress':
    'La nouvelle adresse est celle du message n° {id} ({email}) : saisissez l’adresse corrigée.',
  'error.message.addressQueued':
    'Le document du message n° {id} est déjà en file d’envoi vers {email} : rien à corriger.',
  'error.reset.nothingChosen':
    'Choisissez les documents dont l’état d’envoi doit être remis à zéro : leurs numéros, ou tous ceux d’un type ou d’une période.',
  'action.skipped.not_found': 'introuvable',
  'action.skipped.wrong_status': 'statut ne le permettant pas',
  'action.skipped.stale': 'modifié par un autre poste',
  'action.skipped.requeued': 'le document est déjà en file d’envoi vers cette adresse',
  'action.skipped.superseded': 'remplacé par un message à l’adresse corrigée',

  // --- Send journal (stored in French, the office's records).
  'sending.journal.queued': 'Mis en file pour {to} (lot n° {batch}).',
  'sending.journal.validatedAutomatically': 'Validé automatiquement (validation automatique).',
  'sending.journal.validated': 'Validé : prêt à envoyer.',
  'sending.journal.retry': 'Validé de nouveau après un échec : sera renvoyé (essais remis à zéro).',
  'sending.journal.blocked': 'Bloqué : ne partira pas tant qu’il n’est pas validé de nouveau.',
  'sending.journal.unblocked': 'Débloqué : prêt à envoyer.',
  'sending.journal.reset':
    'État d’envoi remis à zéro : le document pourra être envoyé de nouveau à {to}.',
  'sending.journal.addressFixed':
    'Adresse corrigée : {old} → {new} ; remplacé par le message n° {id}.',
  'sending.journal.replacement':
    'Mis en file pour {to}, en remplacement du message n° {id} (adresse corrigée).',

  // --- Command line.
  'error.send.selectionNeeded':
    'Donnez les numéros des messages, ou --all pour tous ceux que l’action concerne.',
  'error.send.templateFile':
    'Le fichier de modèle « {file} » est introuvable ou illisible : vérifiez le chemin.',
  'error.send.attachArgument':
    'L’option --attach attend NUMÉRO_DU_DOCUMENT=FICHIER (ex. --attach 12=lettre.pdf), pas « {value} ».',
  'sending.cli.prepared':
    '{count, plural, one {# message préparé} other {# messages préparés}} (lot n° {batch}) pour {documents, plural, one {# document} other {# documents}} : {status}.',
  'sending.cli.preview':
    'Aperçu : {count, plural, one {# message serait préparé} other {# messages seraient préparés}} pour {documents, plural, one {# document} other {# documents}}. Rien n’a été mis en file.',
  'sending.cli.nothingQueued': 'Aucun message n’a été mis en file.',
  'sending.cli.nextPending':
    'Vérifiez-les, validez-les avec « postier send validate --all », puis envoyez-les avec « postier send run ».',
  'sending.cli.nextValidated': 'Ils sont validés : envoyez-les avec « postier send run ».',
  'sending.cli.excluded': 'Documents non mis en file ({count}) :',
  'sending.cli.warnings': 'Avertissements :',
  'sending.cli.validated': '{count, plural, one {# message validé} other {# messages validés}}.',
  'sending.cli.blocked': '{count, plural, one {# message bloqué} other {# messages bloqués}}.',
  'sending.cli.unblocked':
    '{count, plural, one {# message débloqué} other {# messages débloqués}}.',
  'sending.cli.skipped': 'Message n° {id} laissé tel quel : {reason}.',
  'sending.cli.reset':
    'État d’envoi remis à zéro pour {documents, plural, one {# document} other {# documents}} ({messages, plural, one {# message} other {# messages}}) : la prochaine préparation {documents, plural, one {le mettra} other {les mettra}} de nouveau en file.',
  'sending.cli.resetNothing':
    'Aucun document envoyé, en échec ou incertain parmi ceux choisis : rien à remettre à zéro.',
  'sending.cli.addressFixed':
    'Message n° {id} créé pour {email}, en remplacement du n° {old} : {status}.',

  'messageStatus.pending': 'En attente de validation (E)',
  'messageStatus.validated': 'Validé, prêt à envoyer (V)',
  'messageStatus.sending': 'En cours d’envoi',
  'messageStatus.sent': 'Envoyé (OK)',
  'messageStatus.failed': 'Erreur lors de l’envoi (KO)',
  'messageStatus.blocked': 'Bloqué par l’utilisateur (B)',
  'messageStatus.uncertain': 'Incertain (?)',

  // --- Fields offered by the template editor.
  'templateField.personne': 'la personne du dossier (ex. Mme Josiane Mailly)',
  'templateField.periode': 'la période (ex. octobre 2026)',
  'templateField.numero': 'le numéro du document',
  'templateField.montant': 'le montant (ex. 2 480,50 $)',
  'templateField.echeance': 'la date d’échéance',
  'templateField.type': 'le type de document (ex. Facture)',
  'templateField.titre': 'la civilité (M., Mme)',
  'templateField.nom': 'le nom',
  'templateField.prenom': 'le prénom',
  'templateField.dossier': 'le numéro du dossier',
  'templateField.destinataire': 'le nom du destinataire (le correspondant)',
  'templateField.etablissement': 'le nom de l’établissement',
  'templateField.expediteur': 'le nom de l’expéditeur',
  'templateField.extra': 'champ libre du dossier',
} as const;
