// Files Postier refuses by their size or shape: workbooks and CSV too big or not what their
// name says, PDFs over the size or page limit, a PDF another row or document already has.
// French: the reference.
export const fileLimitsFr = {
  'import.error.fileTooLarge':
    'Le fichier « {file} » pèse {size} Mo : Postier lit au plus {limit} Mo ; vérifiez que c’est bien l’export voulu, ou découpez-le en plusieurs fichiers.',
  'import.error.notAWorkbook':
    'Le fichier « {file} » porte le nom d’un classeur Excel (.xlsx) mais n’en est pas un : ouvrez-le dans Excel et enregistrez-le au format .xlsx, ou renommez-le en .csv si c’est un texte.',
  'import.error.workbookDamaged':
    'Le classeur « {file} » est incomplet ou endommagé (copie interrompue ?) : enregistrez-le de nouveau depuis Excel ou votre logiciel de facturation.',
  'import.error.workbookTooLarge':
    'Le classeur « {file} » se décompresse en plus de {limit} Mo (au moins {size} Mo) : Postier ne l’ouvre pas ; enregistrez seulement la feuille utile, ou exportez en CSV.',
  'import.error.workbookTooManyRows':
    'Le classeur « {file} » a plus de {limit} lignes : Postier ne l’ouvre pas ; découpez-le en plusieurs fichiers.',
  'import.error.workbookTooManyCells':
    'Le classeur « {file} » a plus de {limit} cellules : Postier ne l’ouvre pas ; supprimez les colonnes inutiles ou découpez-le.',
  'error.pdf.tooLarge':
    'Le PDF « {file} » pèse {size} Mo : Postier accepte au plus {limit} Mo ; exportez-le de nouveau en qualité réduite, ou découpez-le.',
  'error.pdf.tooManyPages':
    'Le PDF « {file} » a {pages} pages : Postier accepte au plus {limit} pages ; vérifiez que c’est le bon fichier, ou découpez-le.',
  'error.pdf.alreadyUsed':
    'Le PDF « {file} » est déjà celui du document {documentNumber} (n° {documentId}) : un même PDF n’est pas joint à deux documents ; choisissez le bon fichier.',
  'import.reason.pdfTooLarge':
    'Document {number} : le PDF « {file} » pèse {size} Mo, au-delà de la limite de {limit} Mo.',
  'import.reason.pdfTooManyPages':
    'Document {number} : le PDF « {file} » a {pages} pages, au-delà de la limite de {limit} pages.',
  'import.reason.pdfUsedByRow':
    'Document {number} : le PDF « {file} » est déjà utilisé par la ligne {otherLine} ; un même PDF n’est pas joint à deux documents.',
  'import.reason.pdfUsedByDocument':
    'Document {number} : le PDF « {file} » est déjà celui du document {documentNumber} (n° {documentId}) ; un même PDF n’est pas joint à deux documents.',
} as const;
