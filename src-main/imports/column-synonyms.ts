// The headers each import field is known by in French billing software exports, in their
// normalized form (see normalizeHeader in column-mapping.ts), and whether the field is required.
import {
  DOCUMENT_FIELDS,
  DOSSIER_FIELDS,
  type DocumentField,
  type DossierField,
} from './import-types.js';

export interface FieldSpec {
  /** The header a French export most often uses: named in messages. */
  label: string;
  required: boolean;
  /** Normalized header forms (see normalizeHeader). */
  synonyms: string[];
}

/** Headers naming a dossier, in a client list as in a list of documents. */
const DOSSIER_NUMBER_SYNONYMS = [
  'ndossier',
  'nodossier',
  'numdossier',
  'numerodossier',
  'numerodedossier',
  'dossier',
  'nclient',
  'noclient',
  'numclient',
  'numeroclient',
  'numerodeclient',
  'codeclient',
  'client',
  'nresident',
  'noresident',
  'numeroresident',
  'nenfant',
  'noenfant',
  'matricule',
];

// Fields are guessed in this order, each header feeding one field at most.
const DOSSIER_SPECS: Record<DossierField, FieldSpec> = {
  number: {
    label: 'N° dossier',
    required: true,
    synonyms: [
      ...DOSSIER_NUMBER_SYNONYMS,
      'numero',
      'no',
      'n',
      'num',
      'identifiant',
      'code',
      'reference',
      'ref',
      'filenumber',
      'clientnumber',
      'residentnumber',
    ],
  },
  title: {
    label: 'Civilité',
    required: false,
    synonyms: ['civilite', 'titre', 'title', 'civ', 'appellation'],
  },
  lastName: {
    label: 'Nom',
    required: true,
    synonyms: [
      'nom',
      'nomdefamille',
      'nomfamille',
      'lastname',
      'surname',
      'name',
      'nomclient',
      'nomresident',
    ],
  },
  firstName: { label: 'Prénom', required: false, synonyms: ['prenom', 'prenoms', 'firstname'] },
  address: {
    label: 'Adresse',
    required: false,
    synonyms: ['adresse', 'adresse1', 'adressepostale', 'rue', 'address', 'voie'],
  },
  postalCode: {
    label: 'Code postal',
    required: false,
    synonyms: ['codepostal', 'cp', 'postalcode', 'zip'],
  },
  city: {
    label: 'Ville',
    required: false,
    synonyms: ['ville', 'localite', 'commune', 'municipalite', 'city'],
  },
  email1: {
    label: 'Email 1',
    required: false,
    synonyms: [
      'email',
      'email1',
      'courriel',
      'courriel1',
      'mail',
      'mail1',
      'adresseemail',
      'adresseemail1',
      'adressecourriel',
      'adressemail',
      'emailprincipal',
      'courrielprincipal',
    ],
  },
  email2: {
    label: 'Email 2',
    required: false,
    synonyms: [
      'email2',
      'courriel2',
      'mail2',
      'adresseemail2',
      'emailsecondaire',
      'courrielsecondaire',
    ],
  },
  sin: {
    label: 'NAS',
    required: false,
    synonyms: ['nas', 'sin', 'numeroassurancesociale', 'noassurancesociale', 'nassurancesociale'],
  },
  manager: {
    label: 'Gestionnaire',
    required: false,
    synonyms: [
      'gestionnaire',
      'chargedeclientele',
      'chargeclientele',
      'responsable',
      'conseiller',
      'manager',
    ],
  },
  group: {
    label: 'Groupe',
    required: false,
    synonyms: ['groupe', 'groupeclient', 'group', 'categorie', 'secteur'],
  },
  emailOptIn: {
    label: 'Envoi par e-mail',
    required: false,
    synonyms: [
      'envoiparemail',
      'envoiparmail',
      'envoiemail',
      'envoimail',
      'envoiparcourriel',
      'optin',
      'paremail',
      'parmail',
      'aeparmail',
      'emailoptin',
      'documentsparemail',
      'facturesparemail',
    ],
  },
  language: {
    label: 'Langue',
    required: false,
    synonyms: [
      'langue',
      'languedecorrespondance',
      'languecorrespondance',
      'languedelafamille',
      'languefamille',
      'langueparlee',
      'language',
      'correspondencelanguage',
      'lang',
    ],
  },
};

const DOCUMENT_SPECS: Record<DocumentField, FieldSpec> = {
  dossierNumber: {
    label: 'N° dossier',
    required: true,
    synonyms: DOSSIER_NUMBER_SYNONYMS,
  },
  type: {
    label: 'Type',
    required: false,
    synonyms: ['type', 'typedocument', 'typededocument', 'typedoc', 'nature'],
  },
  number: {
    label: 'N° document',
    required: true,
    synonyms: [
      'nfacture',
      'nofacture',
      'numfacture',
      'numerofacture',
      'numerodefacture',
      'facture',
      'ndocument',
      'nodocument',
      'numerodocument',
      'document',
      'navis',
      'noavis',
      'numeroavis',
      'npiece',
      'nopiece',
      'piece',
      'numero',
      'no',
      'n',
      'num',
      'reference',
      'ref',
    ],
  },
  period: {
    label: 'Période',
    required: false,
    synonyms: ['periode', 'period', 'mois', 'periodefacturee', 'exercice', 'annee'],
  },
  issueDate: {
    label: 'Date',
    required: false,
    synonyms: [
      'date',
      'dateemission',
      'datedemission',
      'datefacture',
      'datedefacture',
      'datedocument',
      'dateedition',
      'emission',
    ],
  },
  dueDate: {
    label: 'Échéance',
    required: false,
    synonyms: [
      'echeance',
      'dateecheance',
      'datedecheance',
      'duedate',
      'datelimite',
      'datelimitedepaiement',
    ],
  },
  amount: {
    label: 'Montant',
    required: true,
    synonyms: [
      'montant',
      'montantttc',
      'total',
      'totalttc',
      'montanttotal',
      'amount',
      'netapayer',
      'apayer',
      'prime',
      'solde',
    ],
  },
  tax: {
    label: 'Taxes',
    required: false,
    synonyms: ['taxes', 'taxe', 'tva', 'montanttva', 'tax', 'tps', 'tpstvq'],
  },
  summaryNumber: {
    label: 'N° sommaire',
    required: false,
    synonyms: ['nsommaire', 'nosommaire', 'numerosommaire', 'sommaire'],
  },
  pdfFile: {
    label: 'Fichier PDF',
    required: false,
    synonyms: ['fichierpdf', 'fichier', 'pdf', 'nomfichier', 'cheminpdf', 'file'],
  },
};

/** Each kind's fields, with the headers they are known by. */
export const FIELD_SPECS = { dossiers: DOSSIER_SPECS, documents: DOCUMENT_SPECS } as const;
/** The order fields are guessed in. */
export const FIELDS_BY_KIND = { dossiers: DOSSIER_FIELDS, documents: DOCUMENT_FIELDS } as const;
