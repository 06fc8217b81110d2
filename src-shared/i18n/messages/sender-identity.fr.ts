// Who the mail says it comes from, French: the reference. The account's "send as" list (the
// addresses the provider lets it put in the From header), and the preview's real From and
// Reply-To.
export const senderIdentityFr = {
  'sendAs.error.tooMany':
    'Un compte peut déclarer au plus {max} adresses « envoyer en tant que » : retirez-en quelques-unes.',
  'ui.settings.account.sendAs': 'Adresses « envoyer en tant que »',
  'ui.settings.account.sendAsHint':
    'Une adresse par ligne. Seules ces adresses (et celle du compte) apparaissent comme expéditeur, et seulement si votre fournisseur (Microsoft 365, Gmail) autorise ce compte à envoyer en leur nom ; sinon le message part de l’adresse du compte et l’adresse du gestionnaire devient l’adresse de réponse.',
  'ui.message.replyTo': 'Réponse à',
} as const;
