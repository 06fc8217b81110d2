// Staff notifications (issue 17, point 3), French: the reference. What the office's staff
// receive after a run, a bounce check or an account that refused to connect, and the words
// of `postier notify` and Paramètres > Notifications.
export const notificationsFr = {
  'notify.event.run_finished': 'Fin d’un envoi',
  'notify.event.failures': 'Messages en échec',
  'notify.event.uncertain': 'Messages incertains à décider',
  'notify.event.bounces': 'Retours en erreur reçus',
  'notify.event.account': 'Compte d’envoi à reconnecter',

  'notify.mode.cascade': 'Cascade',
  'notify.mode.off': 'Personne',
  'notify.mode.chosen': 'Personnalisé',
  'notify.step.manager': 'responsable',
  'notify.step.functional': 'adresse fonctionnelle',
  'notify.step.communication': 'adresse de communication',
  'notify.step.account': 'adresse du compte d’envoi',
  'notify.step.staff': 'collaborateur',
  'notify.step.address': 'adresse',

  'notify.subject.run_finished':
    '[Postier] {structure} : envoi terminé — {sent, plural, one {# envoyé} other {# envoyés}}, {failed} en échec',
  'notify.subject.failures':
    '[Postier] {structure} : {count, plural, one {# message en échec} other {# messages en échec}}',
  'notify.subject.uncertain':
    '[Postier] {structure} : {count, plural, one {# message incertain à décider} other {# messages incertains à décider}}',
  'notify.subject.bounces':
    '[Postier] {structure} : {count, plural, one {# retour en erreur} other {# retours en erreur}}',
  'notify.subject.account': '[Postier] {structure} : le compte d’envoi est à reconnecter',

  'notify.body.greeting': 'Bonjour,',
  'notify.body.run': 'Envoi lancé par {actor} sur {workstation}, terminé le {at}.',
  'notify.body.counts':
    'Envoyés : {sent}. En échec : {failed}. À réessayer : {retrying}. Incertains à décider : {uncertain}. Restant à envoyer : {remaining}.',
  'notify.body.failures': 'Ces messages n’ont pas pu être remis (le serveur les a refusés) :',
  'notify.body.failuresAction':
    'Corrigez l’adresse dans Suivi des envois (filtre « En échec »), puis renvoyez.',
  'notify.body.uncertain':
    'Ces messages ont été interrompus alors que le serveur les avait peut-être reçus ; ils ne seront jamais renvoyés sans votre décision :',
  'notify.body.uncertainAction':
    'Dans Suivi des envois, vérifiez s’ils sont arrivés, puis décidez : envoyé, à renvoyer ou en échec.',
  'notify.body.bounces': 'Ces messages sont revenus en erreur (retours de non-remise) :',
  'notify.body.account': 'Le compte « {account} » a refusé la connexion : {reason}',
  'notify.body.accountAction':
    'Les messages restants attendent, rien n’est perdu. Reconnectez le compte dans Paramètres > Compte d’envoi (mot de passe ou autorisation), puis relancez l’envoi.',
  'notify.body.line': '- {dossier} — {address} : {reason}',
  'notify.body.more': '… et {count, plural, one {# autre} other {# autres}}.',
  'notify.body.footer':
    'Message automatique de Postier. Pour choisir qui le reçoit : Paramètres > Notifications, ou « postier notify set ».',

  'notify.journal.sent': 'Notification « {event} » envoyée à {to}.',
  'notify.journal.failed': 'Notification « {event} » non envoyée à {to} : {reason}',
  'outbox.event.notified': 'Notification envoyée',
  'outbox.event.notify_failed': 'Notification non envoyée',
  'ui.event.notified': 'Notification envoyée',
  'ui.event.notify_failed': 'Notification non envoyée',

  'notify.error.unknownEvent': 'Événement inconnu : « {event} ». Choisissez parmi : {events}.',
  'notify.error.unknownStaff':
    'Aucun collaborateur nommé « {name} » dans cet établissement. Collaborateurs : {names}.',
  'notify.error.staffNoEmail':
    '{name} n’a pas d’adresse e-mail : ajoutez-la (postier notify staff "{name}" --email …) avant de le choisir.',
  'notify.error.oneChoice': 'Choisissez une seule chose : --to / --staff, --cascade ou --off.',
  'notify.error.noChoice':
    'Dites qui reçoit « {event} » : --to ADRESSE…, --staff NOM…, --cascade ou --off.',
  'notify.error.clientMethod':
    'la méthode d’envoi du compte ouvre un message à l’écran ; les notifications demandent un compte qui envoie (SMTP, Microsoft 365, Gmail).',
  'notify.error.language': 'Langue inconnue : « {language} ». Choisissez fr ou en.',

  'notify.cli.description':
    'Qui reçoit les notifications (fin d’envoi, échecs, incertains, retours, compte à reconnecter)',
  'notify.cli.show': 'Affiche, pour chaque événement, le choix et qui le reçoit',
  'notify.cli.set': 'Choisit qui reçoit un événement',
  'notify.cli.staff': 'Ajoute ou modifie un collaborateur (adresse, langue, responsable)',
  'notify.cli.event': 'L’événement : {events}',
  'notify.cli.to': 'Adresses qui le reçoivent',
  'notify.cli.staffNames': 'Collaborateurs qui le reçoivent (par nom)',
  'notify.cli.cascade':
    'Personne de choisi : la cascade décide (responsable > adresse fonctionnelle > adresse de communication > adresse du compte)',
  'notify.cli.off': 'Personne ne le reçoit',
  'notify.cli.email': 'Son adresse e-mail',
  'notify.cli.language': 'La langue de ses notifications (fr ou en)',
  'notify.cli.manager': 'En fait le responsable, premier de la cascade',
  'notify.cli.nobody': '(personne)',
  'notify.cli.manager.line': 'Responsable (début de la cascade) : {name}',
  'notify.cli.manager.none': 'Responsable (début de la cascade) : aucun',
  'notify.cli.saved': '« {event} » : {choice}.',
  'notify.cli.staffSaved': 'Collaborateur {name} : {email}, langue {language}.',

  'ui.settings.notifications': 'Notifications',
  'ui.notify.intro':
    'Choisissez qui reçoit chaque e-mail automatique. Sans choix, la cascade décide : le responsable, sinon l’adresse fonctionnelle (sauf une adresse « ne pas répondre »), sinon l’adresse de communication, sinon l’adresse du compte d’envoi.',
  'ui.notify.event': 'Événement',
  'ui.notify.configuration': 'Configuration',
  'ui.notify.recipients': 'Destinataires',
  'ui.notify.addresses': 'Autres adresses (séparées par des virgules)',
  'ui.notify.manager': 'Responsable (début de la cascade)',
  'ui.notify.noManager': 'Aucun',
  'ui.notify.staff': 'Collaborateurs',
  'ui.notify.staffName': 'Nom',
  'ui.notify.staffEmail': 'Adresse e-mail',
  'ui.notify.staffLanguage': 'Langue',
  'ui.notify.addStaff': 'Ajouter le collaborateur',
  'ui.notify.noRecipient': 'Aucune adresse trouvée : personne ne le recevra.',
} as const;
