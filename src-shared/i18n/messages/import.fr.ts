// Messages for imports of dossiers and documents, PDF splitting, exchange folder, exports, French: the reference.
export const importFr = {
  // --- Reading the file ----------------------------------------------------------------
  'import.error.fileNotFound': 'Le fichier « {file} » est introuvable : vérifiez le chemin.',
  'import.error.emptyFile':
    'Le fichier « {file} » est vide : exportez-le de nouveau depuis votre logiciel de facturation.',
  'import.error.noRows':
    'Le fichier « {file} » n’a qu’une ligne d’en-tête et aucune ligne de données : vérifiez l’export.',
  'import.error.oldExcelFormat':
    'Le fichier « {file} » est au format Excel 97-2003 (.xls), que Postier ne lit pas : ouvrez-le dans Excel et enregistrez-le au format .xlsx ou CSV.',
  'import.error.csvSyntax':
    'Le fichier « {file} » est mal formé à la ligne {line} ({detail}) : vérifiez les guillemets de cette ligne, ou choisissez un autre séparateur.',
  'import.error.workbookUnreadable':
    'Le classeur « {file} » est illisible ({detail}) : ouvrez-le dans Excel et enregistrez-le de nouveau au format .xlsx.',
  'import.error.sheetNotFound':
    'Le classeur « {file} » n’a pas de feuille « {sheet} » : choisissez l’une de celles-ci : {sheets}.',

  // --- Column mapping --------------------------------------------------------------------
  'import.error.unknownField':
    'La correspondance de colonnes nomme un champ inconnu « {field} » : enregistrez-la de nouveau.',
  'import.error.mappedColumnMissing':
    'La colonne « {column} » (pour « {field} ») n’est pas dans le fichier « {file} » : choisissez la colonne qui la remplace.',
  'import.error.missingColumn':
    'Le fichier « {file} » n’a pas de colonne « {column} », qui est obligatoire : ajoutez-la à l’export, ou indiquez quelle colonne la contient (colonnes trouvées : {headers}).',
  'import.error.mappingNotFound':
    'Aucune correspondance de colonnes nommée « {name} » : choisissez l’une de celles-ci : {names}.',
  'import.error.rolledBack':
    'L’import de « {file} » a été interrompu et annulé, rien n’a été importé ({detail}) : corrigez le problème puis relancez l’import.',

  // --- Rows left out (the line number is given beside) --------------------------------------
  'import.reason.missingNumber': 'Numéro de dossier manquant (colonne « {column} »).',
  'import.reason.missingName': 'Dossier {number} : nom manquant (colonne « {column} »).',
  'import.reason.invalidEmail':
    'Dossier {number} : l’adresse e-mail « {email} » (colonne « {column} ») n’est pas valide.',
  'import.reason.invalidSin':
    'Dossier {number} : le NAS (colonne « {column} ») n’a pas 9 chiffres.',
  'import.reason.invalidYesNo':
    'Dossier {number} : « {value} » (colonne « {column} ») n’est ni oui ni non.',
  'import.reason.duplicateInFile':
    'Le numéro {number} figure aussi ligne {lines} : aucune de ces lignes n’est importée, gardez-en une seule.',
  'import.reason.missingDocumentNumber': 'Numéro de document manquant (colonne « {column} »).',
  'import.reason.missingDossierNumber':
    'Document {number} : numéro de dossier manquant (colonne « {column} »).',
  'import.reason.unknownDossier':
    'Document {number} : aucun dossier n° {dossier} ; importez ou créez d’abord ce dossier.',
  'import.reason.unknownType':
    'Document {number} : type « {value} » inconnu (colonne « {column} ») ; types possibles : {types}.',
  'import.reason.missingType':
    'Document {number} : type manquant ; remplissez la colonne « {column} » ou choisissez un type par défaut.',
  'import.reason.invalidAmount':
    'Document {number} : montant « {value} » illisible (colonne « {column} ») ; écrivez par exemple 1 234,56.',
  'import.reason.invalidDate':
    'Document {number} : date « {value} » illisible (colonne « {column} ») ; écrivez-la JJ/MM/AAAA.',
  'import.reason.invalidPeriod':
    'Document {number} : période « {value} » illisible (colonne « {column} ») ; écrivez MM/AAAA ou AAAA.',
  'import.reason.missingPeriod':
    'Document {number} : ni période ni date d’émission ; remplissez l’une des deux.',
  'import.reason.documentExists':
    'Le document {number} ({type}) existe déjà : il n’est pas importé une seconde fois.',
  'import.reason.pdfNotFound':
    'Document {number} : le PDF « {file} » est introuvable dans le dossier des PDF.',
  'import.reason.pdfAmbiguous':
    'Document {number} : plusieurs PDF lui correspondent ({files}) ; renommez-les ou précisez le modèle de nom.',
  'import.reason.pdfUnreadable':
    'Document {number} : le PDF « {file} » est inutilisable ({reason}).',

  // --- PDF folder and merged PDF -------------------------------------------------------------
  'import.error.pdfDirNotFound':
    'Le dossier des PDF « {folder} » est introuvable : vérifiez le chemin.',
  'import.error.pdfDirNeeded':
    'Le fichier nomme un PDF pour chaque document : indiquez le dossier où se trouvent ces PDF.',
  'import.error.pdfPattern':
    'Le modèle de nom de PDF « {pattern} » n’est pas valide ({detail}) : écrivez par exemple facture_{numero} ou {dossier}-*.',
  'import.error.keyInvalid':
    'L’expression « {pattern} » ({option}) n’est pas valide ({detail}) : écrivez par exemple Facture n° (\\d+).',
  'import.error.keyNoGroup':
    'L’expression « {pattern} » ({option}) doit entourer le numéro de parenthèses : écrivez par exemple Facture n° (\\d+).',
  'import.error.pdfNoText':
    'Le PDF « {file} » ne contient pas de texte (pages scannées ?) : Postier ne peut pas y trouver les numéros ; exportez-le de nouveau depuis votre logiciel.',
  'import.error.noKeyFound':
    'Aucune page de « {file} » ne contient « {pattern} » : vérifiez l’expression sur le texte du PDF.',
  'import.reason.keyUnknown':
    'Pages {pages} : « {key} » n’est ni un numéro de document ni un numéro de dossier connu ; ces pages ne sont pas importées.',
  'import.reason.keyRepeated':
    'Pages {pages} : le numéro {key} figure déjà pages {otherPages} ; ces pages ne sont pas importées.',
  'import.reason.keyAmbiguous':
    'Pages {pages} : plusieurs documents portent le n° {key} ; précisez le type de document.',
  'import.reason.alreadySent':
    'Pages {pages} : le document n° {key} est déjà envoyé ou en file d’envoi ; son PDF n’est pas remplacé.',
  'import.reason.splitDocumentExists':
    'Pages {pages} (dossier {key}) : le document n° {number} existe déjà ; ces pages ne sont pas importées.',

  // --- Exchange folder ------------------------------------------------------------------------
  'import.error.watchFolderNotFound':
    'Le dossier d’échange « {folder} » est introuvable : vérifiez le chemin (et que le lecteur réseau est connecté).',
  'import.error.dropEmpty':
    'Le dépôt ne contient ni fichier CSV ou Excel ni PDF : rien à importer.',
  'import.error.dropNeedsKey':
    'Le dépôt ne contient que des PDF, sans fichier CSV ou Excel : indiquez l’expression qui trouve les numéros dans les pages (--key) pour les découper.',
  'import.watch.started': 'Surveillance de « {folder} » toutes les {seconds} s. Arrêt : Ctrl+C.',
  'import.watch.done': 'Dépôt « {name} » importé ; rapport : {report}',
  'import.watch.error':
    'Dépôt « {name} » en erreur, rien ou pas tout n’a été importé ; rapport : {report}',
  'import.watch.duplicate':
    'Dépôt « {name} » déjà importé, rien n’est importé de nouveau ; rapport : {report}',
  'import.watch.nothing': 'Aucun dépôt prêt dans « {folder} ».',

  'import.report.title': 'Postier — rapport d’import du dépôt « {name} »',
  'import.report.processed': 'Traité le {date} à {time} par {user} (poste {workstation}).',
  'import.report.status.done': 'Résultat : importé.',
  'import.report.status.error':
    'Résultat : ERREUR, le dépôt n’a pas été importé en entier (voir ci-dessous) ; corrigez-le et déposez-le de nouveau.',
  'import.report.status.duplicate':
    'Résultat : déjà importé, rien n’a été importé une seconde fois.',
  'import.report.file.dossiers': 'Fichier « {file} » (dossiers ; {format}) :',
  'import.report.file.documents': 'Fichier « {file} » (documents ; {format}) :',
  'import.report.file.split': 'Fichier « {file} » (PDF de {pages} pages à découper) :',
  'import.report.dossiers':
    '{imported, plural, one {# dossier créé} other {# dossiers créés}}, {updated} mis à jour, {rejected, plural, one {# ligne rejetée} other {# lignes rejetées}}.',
  'import.report.documents':
    '{imported, plural, one {# document importé} other {# documents importés}} : {withPdf} avec leur PDF, {generated, plural, one {# PDF généré} other {# PDF générés}}, {withoutPdf} sans PDF ; {attached, plural, one {# PDF joint} other {# PDF joints}} à des documents déjà là ; {rejected, plural, one {# ligne rejetée} other {# lignes rejetées}}.',
  'import.report.split':
    '{documents, plural, one {# document reçoit son PDF} other {# documents reçoivent leur PDF}}.',
  'import.report.createdStaff': 'Gestionnaires ajoutés : {names}.',
  'import.report.createdGroups': 'Groupes ajoutés : {names}.',
  'import.report.lineProblem': 'Ligne {line} : {reason}',
  'import.report.pageProblem': '{reason}',
  'import.report.rowRef': 'ligne {line} (n° {number})',
  'import.report.rowsWithoutPdf': 'Sans PDF : {names}.',
  'import.report.unusedPdfs': 'PDF non utilisés : {names}.',
  'import.report.pagesBeforeFirstKey': 'Pages avant le premier numéro, non importées : {names}.',
  'import.report.failed': 'ERREUR : {message}',
  'import.report.fileFailed': 'Fichier « {file} » : ERREUR, {message}',
  'import.report.duplicate':
    'Ce dépôt (mêmes fichiers, même contenu) a déjà été importé le {at} sous le nom « {name} ».',
  'import.report.interrupted':
    'L’import de ce dépôt, commencé le {at} par {user} (poste {workstation}), a été interrompu (arrêt de Postier ou du poste) : vérifiez dans Postier ce qui a été importé, puis déposez de nouveau les fichiers.',
  'import.report.queued':
    'Envoi : {queued, plural, one {# e-mail mis} other {# e-mails mis}} en file d’attente ; {excluded, plural, one {# document écarté} other {# documents écartés}}.',
  'import.report.excluded': 'Document {document} écarté : {reason}',
  'import.report.queueFailed': 'Envoi : rien n’a été mis en file d’attente ({message}).',

  'import.format.sheet': 'feuille « {sheet} »',
  'import.format.text': 'encodage {encoding}, séparateur {delimiter}',
  'import.encoding.utf8': 'UTF-8',
  'import.encoding.win1252': 'Windows-1252 (ANSI)',
  'import.encoding.utf16le': 'UTF-16',
  'import.delimiter.tab': 'tabulation',

  // --- CLI summaries --------------------------------------------------------------------------
  'import.cli.detected':
    'Fichier « {file} » : {format} ; {rows, plural, one {# ligne de données} other {# lignes de données}}.',
  'import.cli.mapping': 'Colonnes : {columns}.',
  'import.cli.dossiersPreview':
    'Aperçu (rien n’est importé) : {create, plural, one {# dossier à créer} other {# dossiers à créer}}, {update} à mettre à jour, {rejected, plural, one {# ligne rejetée} other {# lignes rejetées}}.',
  'import.cli.dossiersDone':
    'Import terminé : {imported, plural, one {# dossier créé} other {# dossiers créés}}, {updated} mis à jour, {rejected, plural, one {# ligne rejetée} other {# lignes rejetées}}.',
  'import.cli.documentsPreview':
    'Aperçu (rien n’est importé) : {count, plural, one {# document à importer} other {# documents à importer}}, {rejected, plural, one {# ligne rejetée} other {# lignes rejetées}}, {unmatchedRows} sans PDF, {unmatchedFiles, plural, one {# PDF non utilisé} other {# PDF non utilisés}}.',
  'import.cli.documentsDone':
    'Import terminé : {imported, plural, one {# document} other {# documents}} ({withPdf} avec PDF, {generated, plural, one {# PDF généré} other {# PDF générés}}, {withoutPdf} sans PDF), {attached, plural, one {# PDF joint} other {# PDF joints}} à des documents déjà là, {rejected, plural, one {# ligne rejetée} other {# lignes rejetées}}.',
  'import.cli.lineProblem': 'Ligne {line} : {reason}',
  'import.cli.withoutPdf': 'Sans PDF : {names}',
  'import.cli.unusedPdfs': 'PDF non utilisés : {names}',
  'import.cli.mappingSaved':
    'Correspondance de colonnes « {name} » enregistrée pour les prochains imports.',
  'import.cli.splitPreview':
    'Aperçu (rien n’est importé) : {pages, plural, one {# page} other {# pages}}, {documents, plural, one {# document} other {# documents}}, {unmatched, plural, one {# numéro non reconnu} other {# numéros non reconnus}}.',
  'import.cli.splitDone':
    'Découpage terminé : {pages, plural, one {# page} other {# pages}}, {documents, plural, one {# document reçoit son PDF} other {# documents reçoivent leur PDF}}, {unmatched, plural, one {# numéro non reconnu} other {# numéros non reconnus}}.',
  'import.cli.splitPart': 'Pages {pages} → {action} {number} (dossier {dossier})',
  'import.cli.splitAction.create': 'nouveau document',
  'import.cli.splitAction.attach': 'PDF joint au document',
  'import.cli.splitAction.replace': 'PDF remplacé du document',
  'import.cli.splitAction.none': 'rien pour',
  'import.cli.pagesBeforeFirstKey': 'Pages avant le premier numéro (non importées) : {pages}',

  // --- Exports ---------------------------------------------------------------------------------
  'export.error.format':
    'Le fichier d’export « {file} » doit se terminer par .csv ou .xlsx : choisissez l’un des deux.',
  'export.done':
    '{rows, plural, one {# ligne exportée} other {# lignes exportées}} dans « {file} ».',
  'export.sheet.documents': 'Documents',
  'export.sheet.sendJournal': 'Journal des envois',
  'export.column.id': 'Id',
  'export.column.type': 'Type',
  'export.column.number': 'N° document',
  'export.column.dossier': 'N° dossier',
  'export.column.name': 'Nom',
  'export.column.period': 'Période',
  'export.column.issueDate': 'Date d’émission',
  'export.column.dueDate': 'Échéance',
  'export.column.amount': 'Montant',
  'export.column.tax': 'Taxes',
  'export.column.currency': 'Devise',
  'export.column.pdf': 'PDF',
  'export.column.emailState': 'Envoi par e-mail',
  'export.column.lastSentAt': 'Dernier envoi',
  'export.pdf.imported': 'importé',
  'export.pdf.generated': 'généré',
} as const;
