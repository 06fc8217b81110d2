// What a document's messages really say (sent to some addresses, not to others), withdrawing
// messages from the queue, and the confirmations before a reset or a withdrawal. French.
export const queueTruthFr = {
  'emailState.partial': 'Envoyé en partie',
  'queueTruth.partial': 'Envoyé {sent}/{total} — {rest}',
  'queueTruth.rest.failed.one': '{count} en échec',
  'queueTruth.rest.failed.other': '{count} en échec',
  'queueTruth.rest.uncertain.one': '{count} incertain',
  'queueTruth.rest.uncertain.other': '{count} incertains',
  'queueTruth.rest.waiting.one': '{count} en attente',
  'queueTruth.rest.waiting.other': '{count} en attente',

  'messageStatus.withdrawn': 'Retiré de la file (R)',
  'ui.status.withdrawn': 'Retiré de la file',
  'outbox.event.withdrawn': 'Retiré de la file',
  'ui.event.withdrawn': 'Retiré de la file',
  'queueTruth.journal.withdrawn':
    'Retiré de la file avant son envoi : il ne partira pas, le document peut être envoyé de nouveau.',

  'queueTruth.withdraw': 'Retirer de la file',
  'queueTruth.withdraw.title': 'Retirer de la file ?',
  'queueTruth.withdraw.button': 'Retirer',
  'queueTruth.withdraw.confirm.one':
    '{count} message sera retiré de la file : il ne partira pas et son document redeviendra « Non envoyé ». Le journal garde la trace du retrait.',
  'queueTruth.withdraw.confirm.other':
    '{count} messages seront retirés de la file : ils ne partiront pas et leurs documents redeviendront « Non envoyé ». Le journal garde la trace du retrait.',
  'queueTruth.withdraw.done.one': '{count} message retiré de la file.',
  'queueTruth.withdraw.done.other': '{count} messages retirés de la file.',
  'queueTruth.withdraw.inFlight.one':
    '{count} message n’a pas été retiré : il est en cours d’envoi, le serveur de messagerie l’a peut-être déjà. Attendez la fin de l’envoi.',
  'queueTruth.withdraw.inFlight.other':
    '{count} messages n’ont pas été retirés : ils sont en cours d’envoi, le serveur de messagerie les a peut-être déjà. Attendez la fin de l’envoi.',
  'queueTruth.withdraw.notQueued.one':
    '{count} message n’était plus dans la file (déjà envoyé, en échec ou retiré) : il n’a pas changé.',
  'queueTruth.withdraw.notQueued.other':
    '{count} messages n’étaient plus dans la file (déjà envoyés, en échec ou retirés) : ils n’ont pas changé.',
  'action.skipped.in_flight': 'en cours d’envoi : le serveur de messagerie l’a peut-être déjà',
  'queueTruth.withdraw.target':
    'Indiquez quoi retirer : --batch <numéro du lot>, ou les numéros des messages (postier send status), l’un des deux.',

  'queueTruth.reset.title': 'Réinitialiser l’état d’envoi ?',
  'queueTruth.reset.button': 'Réinitialiser',
  'queueTruth.reset.confirm.one':
    '{count} document sera de nouveau proposé à l’envoi : le prochain envoi en masse le cochera. Ce qui est déjà parti reste dans le journal.',
  'queueTruth.reset.confirm.other':
    '{count} documents seront de nouveau proposés à l’envoi : le prochain envoi en masse les cochera. Ce qui est déjà parti reste dans le journal.',
  'queueTruth.reset.none':
    'Aucun document n’a d’envoi à réinitialiser : rien n’est envoyé, en échec ni incertain.',
  'queueTruth.reset.done.one':
    'État d’envoi réinitialisé : {count} document sera de nouveau proposé à l’envoi.',
  'queueTruth.reset.done.other':
    'État d’envoi réinitialisé : {count} documents seront de nouveau proposés à l’envoi.',

  'queueTruth.attachment.document': 'le document',
  'queueTruth.attachment.extra': 'pièce jointe du document',
  'queueTruth.attachment.recipient': 'pièce jointe individuelle',
  'queueTruth.attachment.general': 'pièce jointe générale',
  'queueTruth.attachment.encrypted': 'protégé par mot de passe',
  'queueTruth.attachments.none': 'Aucune pièce jointe',
} as const;
