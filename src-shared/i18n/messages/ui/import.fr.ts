// Messages for the import wizard, French: the reference.
export const uiImportFr = {
  'ui.import.title': 'Importer',
  'ui.import.chooseFile': 'Choisir le fichier…',
  'ui.import.hint':
    'Choisissez un fichier CSV ou Excel (.xlsx) exporté de votre logiciel : une ligne par dossier, les noms des colonnes sur la première ligne. Les dossiers existants (même numéro) sont mis à jour.',
  'ui.import.fileInfo':
    '{file} — {format} {encoding}, {rows, plural, one {# ligne} other {# lignes}}',
  'ui.import.columns': 'Colonne du fichier pour chaque champ',
  'ui.import.previewTitle':
    'Aperçu : {create, plural, one {# dossier à créer} other {# dossiers à créer}}, {update} à mettre à jour',
  'ui.import.line': 'Ligne',
  'ui.import.action': 'Action',
  'ui.import.create': 'Création',
  'ui.import.update': 'Mise à jour',
  'ui.import.rejected':
    '{count, plural, one {# ligne ne sera pas importée} other {# lignes ne seront pas importées}} :',
  'ui.import.problem': 'ligne {line} : {message}',
  'ui.import.import': 'Importer ({count})',
  'ui.import.done':
    'Import terminé : {imported, plural, one {# dossier créé} other {# dossiers créés}}, {updated} mis à jour, {rejected, plural, one {# ligne écartée} other {# lignes écartées}}.',
  'ui.import.field.number': 'Numéro',
  'ui.import.field.title': 'Civilité',
  'ui.import.field.lastName': 'Nom',
  'ui.import.field.firstName': 'Prénom',
  'ui.import.field.address': 'Adresse',
  'ui.import.field.postalCode': 'Code postal',
  'ui.import.field.city': 'Ville',
  'ui.import.field.email1': 'Adresse e-mail 1',
  'ui.import.field.email2': 'Adresse e-mail 2',
  'ui.import.field.sin': 'NAS',
  'ui.import.field.manager': 'Gestionnaire',
  'ui.import.field.group': 'Groupe de clients',
  'ui.import.field.emailOptIn': 'Envoi par e-mail (oui/non)',
  'ui.import.kind': 'Ce que vous importez',
  'ui.import.kind.dossiers': 'Dossiers',
  'ui.import.kind.documents': 'Documents et leurs PDF',
  'ui.import.kind.split': 'PDF regroupé à découper',
  'ui.import.docField.dossierNumber': 'N° de dossier',
  'ui.import.docField.type': 'Type',
  'ui.import.docField.number': 'N° du document',
  'ui.import.docField.period': 'Période',
  'ui.import.docField.issueDate': 'Date d’émission',
  'ui.import.docField.dueDate': 'Échéance',
  'ui.import.docField.amount': 'Montant',
  'ui.import.docField.tax': 'Taxes',
  'ui.import.docField.summaryNumber': 'N° de sommaire',
  'ui.import.docField.pdfFile': 'Fichier PDF',
  'ui.import.resultTitle': 'Import terminé',
  'ui.import.notImported':
    '{count, plural, one {# ligne n’a pas été importée} other {# lignes n’ont pas été importées}} :',
  'ui.import.documents.table': 'Fichier des documents (CSV ou Excel)',
  'ui.import.documents.pdfs': 'PDF des documents',
  'ui.import.documents.choosePdfs': 'Choisir les PDF…',
  'ui.import.documents.pdfCount': '{count, plural, one {# PDF choisi} other {# PDF choisis}}',
  'ui.import.documents.pattern': 'Nom des PDF',
  'ui.import.documents.patternHint':
    'Vide : Postier cherche le n° du document, puis du dossier, dans le nom. Sinon : facture_{numero}, {dossier}-*…',
  'ui.import.documents.defaultType': 'Type des lignes sans type',
  'ui.import.documents.generate': 'Faire le PDF des lignes qui n’en ont pas',
  'ui.import.documents.hint':
    'Choisissez le fichier exporté de votre logiciel de facturation (une ligne par document : n° de dossier, n° du document, date ou période, montant), puis les PDF des documents : dans la fenêtre de choix, Ctrl+A les prend tous. Chaque PDF est reconnu à son nom. Rien n’est importé avant « Importer ».',
  'ui.import.documents.previewTitle':
    'Aperçu : {count, plural, one {# document à importer} other {# documents à importer}}',
  'ui.import.documents.attach': 'PDF ajouté au document',
  'ui.import.documents.pdf': 'PDF',
  'ui.import.documents.pdfGenerated': 'fait par Postier',
  'ui.import.documents.pdfNone': 'aucun',
  'ui.import.documents.firstRows':
    'Les {count} premières lignes sont montrées ; toutes seront importées.',
  'ui.import.documents.rowsWithoutPdf':
    '{count, plural, one {# ligne sans PDF} other {# lignes sans PDF}} : {rows}.',
  'ui.import.documents.unusedPdfs':
    '{count, plural, one {# PDF choisi ne correspond} other {# PDF choisis ne correspondent}} à aucune ligne : {files}.',
  'ui.import.documents.done':
    '{imported, plural, one {# document importé} other {# documents importés}} et {attached, plural, one {# document complété} other {# documents complétés}} de leur PDF : {withPdf} avec le PDF choisi, {generated} avec un PDF fait par Postier, {withoutPdf} sans PDF.',
  'ui.import.documents.doneShort':
    '{count, plural, one {# document importé} other {# documents importés}}.',
  'ui.import.split.file': 'PDF regroupé',
  'ui.import.split.choose': 'Choisir le PDF…',
  'ui.import.split.key': 'Clé sur la première page de chaque document',
  'ui.import.split.keyHint': 'Le texte imprimé, le numéro entre parenthèses : Facture n° (\\d+).',
  'ui.import.split.keyKind': 'La clé est',
  'ui.import.split.keyKind.auto': 'un n° de document, sinon de dossier',
  'ui.import.split.keyKind.document': 'le n° d’un document du journal',
  'ui.import.split.keyKind.dossier': 'le n° d’un dossier',
  'ui.import.split.type': 'Type des documents',
  'ui.import.split.anyType': '(selon le document trouvé)',
  'ui.import.split.period': 'Période des documents créés',
  'ui.import.split.periodPlaceholder': 'AAAA-MM',
  'ui.import.split.issueDate': 'Date d’émission',
  'ui.import.split.issueDatePlaceholder': 'AAAA-MM-JJ (aujourd’hui)',
  'ui.import.split.numberKey': 'N° du document créé (expression)',
  'ui.import.split.createdHint':
    'Pour une clé de dossier : vide, le n° est fait du dossier et de la période.',
  'ui.import.split.amountKey': 'Montant du document créé (expression)',
  'ui.import.split.reading': 'Lecture du PDF…',
  'ui.import.split.hint':
    'Choisissez le PDF qui regroupe tous les documents et la clé imprimée sur la première page de chacun, puis « Aperçu » : Postier montre le découpage sans rien importer.',
  'ui.import.split.changed':
    'Les réglages ont changé depuis l’aperçu : cliquez de nouveau sur « Aperçu ».',
  'ui.import.split.preview': 'Aperçu (essai à blanc)',
  'ui.import.split.import': 'Découper et importer ({count})',
  'ui.import.split.previewTitle': 'Aperçu : rien n’est encore importé',
  'ui.import.split.wouldMake':
    '{pages, plural, one {# page lue} other {# pages lues}} : {documents, plural, one {# document serait fait} other {# documents seraient faits}}, {unmatched, plural, one {# partie laissée} other {# parties laissées}} de côté.',
  'ui.import.split.made':
    '{pages, plural, one {# page lue} other {# pages lues}} : {documents, plural, one {# document fait} other {# documents faits}}, {unmatched, plural, one {# partie laissée} other {# parties laissées}} de côté.',
  'ui.import.split.pagesBefore': 'Pages avant la première clé, laissées de côté : {pages}.',
  'ui.import.split.col.key': 'Clé',
  'ui.import.split.col.pages': 'Pages',
  'ui.import.split.action.create': 'Nouveau document',
  'ui.import.split.action.replace': 'Remplace le PDF',
  'ui.import.split.action.attach': 'PDF ajouté au document',
  'ui.import.split.action.none': 'Aucune',
  'ui.import.split.unmatched':
    '{count, plural, one {# partie ne sera pas importée} other {# parties ne seront pas importées}} :',
  'ui.import.split.unmatchedPart': 'pages {pages} : {problem}',
  'ui.import.split.doneShort':
    '{count, plural, one {# document importé} other {# documents importés}} depuis le PDF regroupé.',
} as const;
