// Provider outages and the engine's automatic pauses, French: the reference. A server that
// will not take a connection, or that stopped answering, pauses its account (nothing fails);
// a run of refusals in a row pauses it too, for the user to check the list or the account.
export const outageFr = {
  'mail.failure.server_unavailable':
    'Le serveur {host} n’accepte pas de connexion pour le moment (indisponible, ou il a raccroché aussitôt) : l’envoi depuis ce compte reprendra plus tard, aucun message n’est perdu.',
  'mail.failure.server_not_answering':
    'Le serveur {host} ne répond pas quand on s’y connecte (délai dépassé) : l’envoi depuis ce compte reprendra plus tard, aucun message n’est perdu.',
  'mail.failure.server_refused':
    'Le serveur {host} refuse la connexion de ce compte : vérifiez le compte d’envoi (serveur, port) ou contactez votre fournisseur de messagerie.',

  'outbox.paused.outage':
    'Envoi suspendu pour le compte « {account} » : {reason} {remaining, plural, one {Le message restant reste prêt} other {Les # messages restants restent prêts}} à partir, sans essai compté ; nouvel essai à partir de {at}.',
  'outbox.paused.reply': 'Réponse du serveur : « {reply} ».',
  'outbox.paused.uncertain':
    'Le message n° {id} (« {subject} ») est marqué incertain : vérifiez s’il est arrivé, puis décidez (envoyé, à renvoyer ou en échec).',
  'outbox.paused.refusals':
    'Envoi suspendu après {count} refus de suite : {reply} Vérifiez la liste ou le compte. {remaining, plural, one {Le message restant est toujours prêt} other {Les # messages restants sont toujours prêts}} à partir.',

  'outbox.journal.accountPaused':
    'Compte « {account} » en pause jusqu’à {at} (interruption n° {streak} de suite) : {reason}',
  'outbox.journal.autoPaused':
    'Envoi suspendu pour le compte « {account} » après {count} refus de suite : {reply}',

  'outbox.error.autoPauseInvalid':
    'Le nombre de refus de suite avant de suspendre l’envoi doit être un nombre entier de 0 (jamais) à {max} : « {value} » ne convient pas.',
} as const;
