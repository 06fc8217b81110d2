import type { templatesHelpFr } from './templates-help.fr.js';

export const templatesHelpEn: Record<keyof typeof templatesHelpFr, string> = {
  'template.field.personne': 'Person’s name',
  'template.field.personne.example': 'Mrs Germaine Allard',
  'template.field.periode': 'Period',
  'template.field.periode.example': 'September 2026',
  'template.field.numero': 'Document number',
  'template.field.numero.example': 'F-2026-0142',
  'template.field.montant': 'Amount',
  'template.field.montant.example': '$1,234.50',
  'template.field.echeance': 'Due date',
  'template.field.echeance.example': 'October 15, 2026',
  'template.field.type': 'Document type',
  'template.field.type.example': 'Invoice',
  'template.field.titre': 'Title',
  'template.field.titre.example': 'Mrs',
  'template.field.nom': 'Last name',
  'template.field.nom.example': 'Allard',
  'template.field.prenom': 'First name',
  'template.field.prenom.example': 'Germaine',
  'template.field.dossier': 'Record number',
  'template.field.dossier.example': 'R-0042',
  'template.field.destinataire': 'Recipient’s name',
  'template.field.destinataire.example': 'Jean Allard',
  'template.field.etablissement': 'Organization name',
  'template.field.etablissement.example': 'Résidence Les Érables',
  'template.field.expediteur': 'Sender’s name',
  'template.field.expediteur.example': 'Julie Tremblay',
  'template.field.nas': 'Record’s SIN',
  'template.field.nas.example': '9 digits, no spaces or dashes',
  'template.field.extra': 'Free field of the record',

  'template.words.if': 'If:',
  'template.words.unless': 'If empty:',
  'template.words.else': 'Otherwise',
  'template.words.end': 'End if',

  'template.legacy.converted.one':
    '{count} keyword from your former software was converted: {list}.',
  'template.legacy.converted.other':
    '{count} keywords from your former software were converted: {list}.',
  'template.legacy.unknownNear':
    '“{keyword}” comes from your former software and Postier does not know it: use the field [{en}].',
  'template.legacy.unknown':
    '“{keyword}” comes from your former software and Postier does not know it: choose the field to use in “Insert a field”.',

  'error.template.unknownFieldNear.subject':
    'The subject uses the field “{field}”, which does not exist: did you mean “{suggestion}” ([{en}])? Correct it.',
  'error.template.unknownFieldNear.text':
    'The message text uses the field “{field}”, which does not exist: did you mean “{suggestion}” ([{en}])? Correct it.',
  'error.template.unknownFieldNear.html':
    'The HTML message uses the field “{field}”, which does not exist: did you mean “{suggestion}” ([{en}])? Correct it.',
  'error.template.legacyUnknown':
    'The template contains “{keyword}”, a keyword of your former software, which Postier does not use: replace it with the field “{suggestion}” ([{en}]).',
  'error.template.legacyUnknownNoSuggestion':
    'The template contains “{keyword}”, a keyword of your former software, which Postier does not use: replace it with a Postier field (list: {fields}).',
  'error.template.words.unknownNear':
    '“[{label}]” is not a field: did you mean [{en}]? Correct it or choose it in “Insert a field”.',
  'error.template.words.unknown':
    '“[{label}]” is not a field: choose the field in “Insert a field”.',
  'error.template.words.endAlone':
    '“{token}” ends a condition that did not begin: remove it or add the condition before it.',
  'error.template.words.notClosed':
    'A condition is not ended: add “{end}” after the text it applies to.',

  'error.signature.logoType':
    'The file “{file}” is not a PNG or JPEG image: save the logo as PNG or JPEG.',
  'error.signature.logoSize':
    'The logo “{file}” weighs {size} KB; the limit is {max} KB, since it goes with every message: save it smaller (for example 300 pixels wide).',
  'error.signature.logoUnreadable': 'The file “{file}” cannot be found or read: choose it again.',
  'error.signature.textTooLong':
    'The signature has {length} characters; the limit is {max}: shorten it.',

  'ui.templates.insertField': 'Insert a field',
  'ui.templates.insertCondition': 'Insert a condition',
  'ui.templates.condition.if': 'Only if “{label}” is filled in',
  'ui.templates.condition.unless': 'Only if “{label}” is empty',
  'ui.templates.condition.placeholder': 'text to show',
  'ui.templates.plainHint':
    'Fields are written between square brackets, for example [Person’s name]: they are replaced for each recipient. Text pasted from Gestion des ressources (&personne) or Winpass ({Adr_Nom}) is converted.',
  'ui.templates.preview': 'Preview with example values',
  'ui.templates.signature': 'Organization signature',
  'ui.templates.signature.text': 'Signature text',
  'ui.templates.signature.logo': 'Logo',
  'ui.templates.signature.noLogo': 'No logo.',
  'ui.templates.signature.logoInfo': '{type}, {size} KB',
  'ui.templates.signature.chooseLogo': 'Choose a logo…',
  'ui.templates.signature.removeLogo': 'Remove the logo',
  'ui.templates.signature.logoHint':
    'PNG or JPEG, at most {max} KB. It is placed in every message under the signature (embedded image).',
  'ui.templates.signature.save': 'Save the signature',
  'ui.templates.signature.saved': 'Signature saved.',
};
