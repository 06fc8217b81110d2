// Scheduled sends, the accounts' sending window and the test copy (issue 17, points 2 and
// 4), French: the reference.
export const scheduleFr = {
  'schedule.error.malformed':
    'L’heure d’envoi « {value} » n’est pas comprise : écrivez la date puis l’heure, par exemple 2026-12-05 08:00 (AAAA-MM-JJ HH:MM, heure de ce poste).',
  'schedule.error.past':
    'L’heure d’envoi {value} est déjà passée (il est {now}) : choisissez une date et une heure à venir, ou envoyez sans attendre.',
  'schedule.error.limit':
    'Le délai après lequel un envoi programmé manqué attend votre décision doit être un nombre entier d’heures de 1 à {max} : « {value} » ne convient pas.',
  'schedule.error.nothingInBatch':
    'Le lot n° {batch} n’a aucun message à programmer : ses messages sont déjà partis ou retirés, ou ce lot n’existe pas (voir postier send status).',
  'schedule.error.nothingChosen':
    'Aucun des messages choisis ne peut être programmé : ils sont déjà partis ou retirés.',
  'schedule.error.window':
    'La plage d’envoi « {value} » n’est pas comprise : écrivez les jours puis les heures, par exemple « lun-ven 08:00-18:00 » (jours : lun mar mer jeu ven sam dim, séparés par des virgules ou en intervalle, ou « tous » ; « aucune » enlève la plage).',
  'schedule.journal.passed':
    'Programmé pour {at} — dépassé de plus de {hours} h sans envoi (le poste était éteint ?) : envoyer maintenant ou déplacer.',
  'schedule.journal.now': 'Programmation levée : envoi dès maintenant.',
  'schedule.journal.moved': 'Envoi programmé pour le {at}.',
  'schedule.outsideWindow':
    'Hors de la plage d’envoi du compte « {account} » ({window}) — reprise {at}. {remaining, plural, one {Le message restant attend} other {Les # messages restants attendent}} sans essai compté.',
  'schedule.resumeAt': '{day} {time}',

  'outbox.event.scheduled': 'Programmé',
  'outbox.event.rescheduled': 'Programmation changée',
  'outbox.event.test_sent': 'Exemplaire de test envoyé',
  'ui.event.scheduled': 'Programmé',
  'ui.event.rescheduled': 'Programmation changée',
  'ui.event.test_sent': 'Exemplaire de test envoyé',

  'testCopy.error.noMessage':
    'Aucun message pour le dossier {dossier} dans cet envoi, donc rien à vous envoyer en exemplaire. {reason}',
  'testCopy.error.address':
    'L’adresse « {value} » ne convient pas pour recevoir l’exemplaire de test : écrivez une adresse e-mail complète (nom@domaine.ca).',
  'testCopy.journal':
    'Exemplaire de test du message pour {recipient} (document {document}, dossier {dossier}) envoyé à {to} ; aucun état changé.',
  'testCopy.cli.sent':
    'Exemplaire de test envoyé à {to} : le message pour {recipient} (dossier {dossier}, document {document}), objet « {subject} ». Aucun état d’envoi n’a changé.',

  'schedule.cli.scheduled':
    '{count, plural, one {Le message partira} other {Les # messages partiront}} au plus tôt le {at} (heure de ce poste).',
  'schedule.cli.rescheduled':
    '{count, plural, one {# message programmé} other {# messages programmés}} pour le {at}.',
  'schedule.cli.sendNow':
    '{count, plural, one {# message partira} other {# messages partiront}} dès le prochain envoi (programmation levée).',
  'schedule.cli.limit':
    'Un envoi programmé manqué de plus de {hours} h (poste éteint) attend votre décision au lieu de partir.',
  'schedule.cli.windowSet': 'Plage d’envoi du compte : {window}. En dehors, rien ne part.',
  'schedule.cli.windowNone': 'Aucune plage d’envoi : les messages partent à toute heure.',
  'schedule.status.scheduled': 'Programmé : {at}',
  'schedule.status.passed': 'Programmé pour {at} — dépassé ; envoyer maintenant ou déplacer',
  'schedule.status.waitingShort': 'Programmé',
  'schedule.status.passedShort': 'Dépassé : envoyer maintenant ou déplacer',

  'ui.schedule.later': 'Envoyer plus tard :',
  'ui.schedule.date': 'Date d’envoi',
  'ui.schedule.time': 'Heure',
  'ui.schedule.datePlaceholder': 'AAAA-MM-JJ',
  'ui.schedule.timePlaceholder': 'HH:MM',
  'ui.schedule.button': 'Programmer l’envoi ({count}) pour le {at}',
  'ui.schedule.when': '{day} à {time}',
  'ui.schedule.problem.malformed':
    'Écrivez la date ainsi : 2026-12-05 (AAAA-MM-JJ), et l’heure ainsi : 08:00 (HH:MM).',
  'ui.schedule.problem.past': 'Le {at} est déjà passé : choisissez une date et une heure à venir.',
  'ui.schedule.done':
    '{count, plural, one {# message programmé} other {# messages programmés}} pour le {at} : {count, plural, one {il partira} other {ils partiront}} à cette heure (voir Suivi des envois).',
  'ui.testCopy.button': 'M’envoyer un exemplaire…',
  'ui.testCopy.title': 'M’envoyer un exemplaire',
  'ui.testCopy.text':
    'Le message de {name} ({address}), tel qu’il partira — avec son PDF protégé par le mot de passe de ce destinataire —, vous est envoyé avec « [TEST] » devant l’objet. Aucun état d’envoi ne change.',
  'ui.testCopy.recipient': 'Message de',
  'ui.testCopy.to': 'Envoyer l’exemplaire à',
  'ui.testCopy.send': 'Envoyer l’exemplaire',
  'ui.testCopy.sending': 'Envoi de l’exemplaire…',
  'ui.testCopy.sent':
    'Exemplaire de test envoyé à {to} (objet « {subject} »). Aucun état d’envoi n’a changé.',
  'ui.testCopy.noRow': 'Choisissez d’abord une ligne de la liste : son message sera copié.',
  'ui.outbox.reschedule': 'Déplacer…',
  'ui.outbox.rescheduleTitle': 'Déplacer l’envoi programmé',
  'ui.outbox.rescheduleText':
    'Nouvelle date et heure d’envoi {count, plural, one {du message choisi} other {des # messages choisis}} (heure de ce poste). « Envoyer maintenant » lève la programmation.',
  'ui.outbox.rescheduleSave': 'Programmer',
  'ui.outbox.sendNow': 'Envoyer maintenant',
  'ui.outbox.rescheduled':
    '{count, plural, one {# message programmé} other {# messages programmés}} pour le {at}.',
  'ui.outbox.sentNow':
    '{count, plural, one {# message part} other {# messages partent}} dès maintenant.',
  'ui.settings.scheduleLimit':
    'Envoi programmé manqué (poste éteint) : attendre ma décision après (heures)',
  'ui.settings.scheduleLimitHint':
    'Plus récent, il part au prochain envoi ; plus ancien, il attend : « envoyer maintenant ou déplacer » dans Suivi des envois.',
  'ui.settings.window': 'Plage d’envoi',
  'ui.settings.windowHint':
    'Ex. « lun-ven 08:00-18:00 ». En dehors, rien ne part de ce compte. Vide : à toute heure.',
  'ui.settings.windowSaved': 'Plage d’envoi enregistrée.',
} as const;
