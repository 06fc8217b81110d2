// The sending robot (`postier service run|install|uninstall|status`) and how the window
// shows it, French: the reference. The log lines carry counts and numbers only.
export const robotFr = {
  'robot.log.started':
    'Robot d’envoi démarré sur {workstation} (processus {pid}) pour le dossier de données {folder}.',
  'robot.log.startedServer':
    'Robot d’envoi démarré sur {workstation} (processus {pid}) pour la base PostgreSQL {folder}.',
  'robot.log.waitingLease':
    'Un autre poste envoie ({holder}) : le robot prendra le relais après lui.',
  'robot.log.progress':
    '{sent} envoyés, {failed} en échec, {retrying} à réessayer, {uncertain} incertains, {remaining} restants.',
  'robot.log.runStopped':
    'L’envoi s’est arrêté : {reason} Le robot réessaie dans {minutes} min ; les messages restent prêts.',
  'robot.log.unreachable':
    'Base de données injoignable ({reason}) : nouvel essai dans {seconds} s. Aucun message n’est perdu.',
  'robot.log.reconnected':
    'Base de données de nouveau accessible après {seconds} s : l’envoi reprend.',
  'robot.log.stopping':
    'Arrêt demandé ({signal}) : le message en cours chez le serveur se termine, les autres restent prêts.',
  'robot.log.stopped': 'Robot d’envoi arrêté.',
  'robot.error.noDatabase':
    'la base {file} n’est pas là (dossier déplacé, lecteur réseau absent, ou « postier init » jamais lancé)',

  'robot.status.active':
    'Envoi automatique : actif sur {workstation} (processus {pid}) depuis {since} ; dernier signe de vie à {beat}.',
  'robot.status.waiting':
    'Robot en marche sur {workstation} (processus {pid}) depuis {since}, en attente : un autre poste envoie ; dernier signe de vie à {beat}.',
  'robot.status.notRunning': 'Envoi automatique : arrêté (aucun robot en marche).',
  'robot.status.lastSeen': 'Dernier robot : {workstation}, dernier signe de vie le {beat}.',
  'robot.status.queue':
    'File d’envoi : {due} à envoyer maintenant, {later} plus tard, {uncertain} incertains.',

  'robot.install.windowsDone':
    'Tâche planifiée « {task} » créée : le robot démarrera avec l’ordinateur, avant toute ouverture de session. Pour le démarrer tout de suite : schtasks /Run /TN "{task}"',
  'robot.install.windowsFailed': 'schtasks.exe a refusé ({code}) : {output}',
  'robot.uninstall.windowsDone':
    'Tâche planifiée « {task} » supprimée : le robot ne démarrera plus avec l’ordinateur.',
  'robot.install.linuxHelp':
    'Enregistrez ce texte dans /etc/systemd/system/{unit}, puis : sudo systemctl daemon-reload && sudo systemctl enable --now {unit}',
  'robot.uninstall.linuxHelp':
    'Pour retirer le robot : sudo systemctl disable --now {unit} && sudo rm /etc/systemd/system/{unit} && sudo systemctl daemon-reload',
  'robot.install.unsupported':
    'Sur ce système, lancez « postier service run --data {folder} » au démarrage par vos propres moyens (launchd sur macOS).',
  'robot.unit.description': 'Postier : envoi automatique (robot) pour {folder}',

  'robot.window.active': 'Envoi automatique : actif sur {workstation}',
  'robot.window.lastBeat': 'dernier signe de vie à {time}',
  'robot.window.handedOverTitle': 'Confié à l’envoi automatique',
  'robot.window.handedOver':
    'L’envoi automatique (robot sur {workstation}) enverra ces messages à leur heure : vous pouvez fermer Postier.',
} as const;
