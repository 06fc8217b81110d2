// The demo nursing home's residents and their families: who gets which document, by e-mail
// or not, with names accented as in the users' own files.
import type { CorrespondentInput } from '../../src-shared/domain/records.js';

export interface Resident {
  title: string;
  first: string;
  last: string;
  sin?: string;
  family: CorrespondentInput[];
  optIn?: boolean;
  room: 'privée' | 'semi-privée';
}

const c = (name: string, relation: string, email: string, receives = true): CorrespondentInput => ({
  name,
  relation,
  email,
  receivesDocuments: receives,
});

// Names with accents everywhere, as in the users' own files.
export const RESIDENTS: Resident[] = [
  {
    title: 'Mme',
    first: 'Bérénice',
    last: 'Lefèvre-Côté',
    sin: '046 454 286',
    room: 'privée',
    family: [
      c('Hélène Côté', 'Fille', 'helene.cote@example.com'),
      c('Frédéric Côté', 'Fils', 'fred.cote@example.net'),
    ],
  },
  {
    title: 'M.',
    first: 'Jean-François',
    last: 'Bélanger',
    room: 'semi-privée',
    family: [c('Geneviève Bélanger', 'Fille', 'genevieve.belanger@example.com')],
  },
  {
    title: 'Mme',
    first: 'Josiane',
    last: 'Mailly',
    sin: '130 692 544',
    room: 'privée',
    family: [c('Anaïs Mailly', 'Petite-fille', 'anais.mailly@example.org')],
  },
  { title: 'M.', first: 'Gérard', last: 'Tremblay', room: 'privée', family: [] },
  {
    title: 'Mme',
    first: 'Thérèse',
    last: 'Gagnon',
    room: 'semi-privée',
    family: [
      c('Stéphane Gagnon', 'Fils', 'stephane.gagnon@example.com'),
      c('Mélanie Roy', 'Belle-fille', 'melanie.roy@example.com'),
    ],
  },
  {
    title: 'M.',
    first: 'Léopold',
    last: 'Pelletier',
    room: 'privée',
    family: [c('Étienne Pelletier', 'Fils', 'etienne.pelletier@example')],
  },
  {
    title: 'Mme',
    first: 'Cécile',
    last: 'Bouchard',
    sin: '193 456 787',
    room: 'privée',
    family: [c('Noémie Bouchard', 'Fille', 'noemie.bouchard@example.com')],
  },
  {
    title: 'M.',
    first: 'André',
    last: 'Lévesque',
    room: 'semi-privée',
    family: [c('Me Isabelle Fortin', 'Tutrice', 'i.fortin@example.net')],
  },
  {
    title: 'Mme',
    first: 'Françoise',
    last: 'Côté',
    room: 'privée',
    family: [c('Jérôme Côté', 'Fils', 'jerome.cote@example.com')],
  },
  {
    title: 'M.',
    first: 'Raymond',
    last: 'Boucher',
    room: 'semi-privée',
    family: [c('Chloé Boucher', 'Fille', 'chloe.boucher@example.org')],
    optIn: false,
  },
  {
    title: 'Mme',
    first: 'Éliane',
    last: 'Morin',
    sin: '287 654 320',
    room: 'privée',
    family: [
      c('Benoît Morin', 'Fils', 'benoit.morin@example.com'),
      c('Sylvie Morin', 'Fille', 'sylvie.morin@example.com'),
    ],
  },
  {
    title: 'M.',
    first: 'Marcel',
    last: 'Gauthier',
    room: 'privée',
    family: [c('Martine Gauthier', 'Épouse', 'martine.gauthier@example.com')],
  },
  { title: 'Mme', first: 'Ghislaine', last: 'Ouellet', room: 'semi-privée', family: [] },
  {
    title: 'M.',
    first: 'Honoré',
    last: 'Caron',
    room: 'privée',
    family: [c('Rémi Caron', 'Fils', 'remi.caron@example.net')],
  },
  {
    title: 'Mme',
    first: 'Lucienne',
    last: 'Beaulieu',
    room: 'privée',
    family: [
      c('Véronique Beaulieu', 'Fille', 'veronique.beaulieu@example.com'),
      c('Denis Beaulieu', 'Fils', 'denis.beaulieu@example.com', false),
    ],
  },
  {
    title: 'M.',
    first: 'Aimé',
    last: 'Paquette',
    room: 'semi-privée',
    family: [c('Josée Paquette', 'Fille', 'josee.paquette@example.org')],
  },
  {
    title: 'Mme',
    first: 'Rolande',
    last: 'Dubé',
    room: 'privée',
    family: [c('Karine Dubé', 'Nièce', 'karine.dube@example.com')],
  },
  {
    title: 'M.',
    first: 'Adélard',
    last: 'Bergeron',
    room: 'privée',
    family: [c('Curatelle publique', 'Curateur', 'curatelle@example.gouv')],
  },
  {
    title: 'Mme',
    first: 'Huguette',
    last: 'Fournier',
    room: 'semi-privée',
    family: [c('Patrice Fournier', 'Fils', 'patrice.fournier@example.com')],
  },
  {
    title: 'M.',
    first: 'Rosaire',
    last: 'Lapointe',
    room: 'privée',
    family: [
      c('Annie Lapointe', 'Fille', 'annie.lapointe@example.net'),
      c('Luc Lapointe', 'Fils', 'luc.lapointe@example.net'),
    ],
  },
  {
    title: 'Mme',
    first: 'Pierrette',
    last: 'Girard',
    room: 'privée',
    family: [c('Manon Girard', 'Fille', 'manon.girard@example.com')],
  },
  { title: 'M.', first: 'Fernand', last: 'Simard', room: 'semi-privée', family: [] },
  {
    title: 'Mme',
    first: 'Gisèle',
    last: 'Poirier',
    room: 'privée',
    family: [c('Nathalie Poirier', 'Fille', 'nathalie.poirier@example.com')],
  },
  {
    title: 'M.',
    first: 'Léon',
    last: 'Mercier',
    room: 'privée',
    family: [c('Sébastien Mercier', 'Fils', 'sebastien.mercier@example.org')],
  },
  {
    title: 'Mme',
    first: 'Madeleine',
    last: 'Chênevert',
    room: 'semi-privée',
    family: [c('Édith Chênevert', 'Sœur', 'edith.chenevert@example.com')],
  },
  {
    title: 'M.',
    first: 'Réjean',
    last: 'Lachance',
    room: 'privée',
    family: [c('Julie Lachance', 'Fille', 'julie.lachance@example.com')],
  },
  {
    title: 'Mme',
    first: 'Yvette',
    last: 'Déry',
    room: 'privée',
    family: [
      c('François Déry', 'Fils', 'francois.dery@example.net'),
      c('Lise Déry', 'Fille', 'lise.dery@example.net'),
    ],
  },
  {
    title: 'M.',
    first: 'Napoléon',
    last: 'Thériault',
    room: 'semi-privée',
    family: [c('Mireille Thériault', 'Fille', 'mireille.theriault@example.com')],
  },
  {
    title: 'Mme',
    first: 'Germaine',
    last: 'Allard',
    room: 'privée',
    family: [c('Danielle Allard', 'Fille', 'danielle.allard@example.org')],
  },
  {
    title: 'M.',
    first: 'Ovila',
    last: 'Séguin',
    room: 'privée',
    family: [c('Marc-André Séguin', 'Fils', 'marc-andre.seguin@example.com')],
  },
];
