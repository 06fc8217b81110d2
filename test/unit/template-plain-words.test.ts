// Templates for people who do not read Handlebars: keywords pasted from Gestion des
// ressources and Winpass become Postier's fields (or are refused naming the field to use),
// fields and conditions are shown in plain words and saved as Handlebars, and a mistyped
// field is answered with the field meant.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertLegacyKeywords } from '../../src-shared/domain/legacy-keywords.js';
import { closestName, STANDARD_FIELDS } from '../../src-shared/domain/template-fields.js';
import { fromPlainWords, toPlainWords } from '../../src-shared/domain/template-words.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { compileEmailTemplate } from '../../src-main/email-templates/email-template.js';

const fields = [...STANDARD_FIELDS, 'chambre'];

describe('keywords of former products', () => {
  it.each([
    ['&personne', 'personne', 'gestion-ressources'],
    ['&periode', 'periode', 'gestion-ressources'],
    ['&période', 'periode', 'gestion-ressources'],
    ['&montant', 'montant', 'gestion-ressources'],
    ['{Adr_Nom}', 'nom', 'winpass'],
    ['{Adr_Prenom}', 'prenom', 'winpass'],
    ['{Adr_Titre}', 'titre', 'winpass'],
  ])('%s becomes {{%s}}', (keyword, field, product) => {
    const result = convertLegacyKeywords(`Bonjour ${keyword}, voici.`, fields);
    expect(result.source).toBe(`Bonjour {{${field}}}, voici.`);
    expect(result.conversions).toEqual([{ keyword, field, product }]);
    expect(result.unknown).toEqual([]);
  });

  it('converts the seed’s sentence and Winpass’s subject, listing each conversion', () => {
    const ressources = convertLegacyKeywords(
      'Vous trouverez ci-joint la facture de &personne pour la période de &periode',
      fields,
    );
    expect(ressources.source).toBe(
      'Vous trouverez ci-joint la facture de {{personne}} pour la période de {{periode}}',
    );
    expect(ressources.conversions.map((c) => `${c.keyword}→${c.field}`)).toEqual([
      '&personne→personne',
      '&periode→periode',
    ]);
    const winpass = convertLegacyKeywords(
      "Avis d'échéance pour {Adr_Titre} {Adr_Nom} {Adr_Prenom}",
      fields,
    );
    expect(winpass.source).toBe("Avis d'échéance pour {{titre}} {{nom}} {{prenom}}");
  });

  it('leaves HTML entities, "R&D", "Dupont & fils" and Postier’s own fields alone', () => {
    const text =
      '<p>R&D &eacute;t&eacute; &amp; Dupont & fils {{personne}} {{#if titre}}x{{/if}}</p>';
    expect(convertLegacyKeywords(text, fields)).toEqual({
      source: text,
      conversions: [],
      unknown: [],
    });
  });

  it('refuses, at every door that compiles a text, a keyword left in it, naming the field to write', () => {
    for (const [text, keyword, field] of [
      ['Facture de &personne', '&personne', 'personne'],
      ['Pour {Adr_Nom}', '{Adr_Nom}', 'nom'],
      ['Pour &personnes', '&personnes', 'personne'],
    ]) {
      expect(() => compileEmailTemplate({ subject: 's', text: text! }, fields)).toThrowError(
        expect.objectContaining({
          code: 'error.template.legacyUnknown',
          params: expect.objectContaining({ keyword, suggestion: field }),
        }) as Error,
      );
    }
    expect(() => compileEmailTemplate({ subject: 's', text: '{Adr_Ville}' }, fields)).toThrowError(
      expect.objectContaining({ code: 'error.template.legacyUnknownNoSuggestion' }) as Error,
    );
  });

  it('reports a keyword Postier does not know, with the field to use', () => {
    const result = convertLegacyKeywords('Pour &personnes et {Adr_Nomm} et {Adr_Ville}', fields);
    expect(result.unknown).toEqual([
      { keyword: '&personnes', product: 'gestion-ressources', suggestion: 'personne' },
      { keyword: '{Adr_Nomm}', product: 'winpass', suggestion: 'nom' },
      { keyword: '{Adr_Ville}', product: 'winpass', suggestion: null },
    ]);
    expect(result.source).toBe('Pour &personnes et {Adr_Nomm} et {Adr_Ville}');
  });
});

describe('plain words', () => {
  const source =
    'Bonjour {{personne}},\n{{#if echeance}}À payer avant le {{echeance}}.{{else}}Merci.{{/if}}\n{{#unless titre}}-{{/unless}} {{chambre}}';

  it('shows fields and conditions by their labels, in the screen’s language', () => {
    expect(toPlainWords(source, fields, 'fr')).toBe(
      'Bonjour [Nom de la personne],\n[Si : Date d’échéance]À payer avant le [Date d’échéance].[Sinon]Merci.[Fin si]\n[Si vide : Civilité]-[Fin si] [chambre]',
    );
    expect(toPlainWords(source, fields, 'en')).toBe(
      'Bonjour [Person’s name],\n[If: Due date]À payer avant le [Due date].[Otherwise]Merci.[End if]\n[If empty: Title]-[End if] [chambre]',
    );
  });

  it('saves them back as Handlebars, from either language', () => {
    expect(fromPlainWords(toPlainWords(source, fields, 'fr'), fields)).toBe(source);
    expect(fromPlainWords(toPlainWords(source, fields, 'en'), fields)).toBe(source);
    expect(fromPlainWords("[nom de la PERSONNE] [date d'echeance]", fields)).toBe(
      '{{personne}} {{echeance}}',
    );
  });

  it('gives back every default template exactly, so that its HTML is kept when the text is not touched', () => {
    const folder = path.resolve('templates', 'email');
    const files = fs.readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(4);
    for (const name of files) {
      const template = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as {
        subject: string;
        text: string[];
      };
      for (const part of [template.subject, template.text.join('\n')]) {
        for (const language of ['fr', 'en'] as const) {
          expect(fromPlainWords(toPlainWords(part, fields, language), fields)).toBe(part);
        }
      }
    }
  });

  it('keeps braces typed by hand and brackets that are no field', () => {
    expect(fromPlainWords('{{montnat}} [voir au verso]', fields)).toBe(
      '{{montnat}} [voir au verso]',
    );
    expect(toPlainWords('{{montnat}}', fields, 'fr')).toBe('{{montnat}}');
  });

  it('refuses a label almost right, naming the one meant, and an unfinished condition', () => {
    expect(() => fromPlainWords('[Nom de la persone]', fields)).toThrowError(
      expect.objectContaining({
        code: 'error.template.words.unknownNear',
        params: expect.objectContaining({ fr: 'Nom de la personne', en: 'Person’s name' }),
      }) as Error,
    );
    expect(() => fromPlainWords('[Si : Date d’échéance] payez', fields)).toThrowError(
      expect.objectContaining({ code: 'error.template.words.notClosed' }) as Error,
    );
    expect(() => fromPlainWords('payez [Fin si]', fields)).toThrowError(
      expect.objectContaining({ code: 'error.template.words.endAlone' }) as Error,
    );
  });
});

describe('a mistyped field', () => {
  it('is answered with the closest field, by name and label', () => {
    expect(closestName('montnat', fields)).toBe('montant');
    expect(closestName('peroide', fields)).toBe('periode');
    expect(closestName('adresse', fields)).toBeNull();
    let thrown: { code: string; params: Record<string, string> } | undefined;
    try {
      compileEmailTemplate({ subject: 's', text: 'Montant : {{montnat}}' }, fields);
    } catch (error) {
      thrown = error as typeof thrown;
    }
    expect(thrown?.code).toBe('error.template.unknownFieldNear.text');
    expect(translate('fr', 'error.template.unknownFieldNear.text', thrown!.params)).toBe(
      'Le texte du message utilise le champ « montnat », qui n’existe pas : vouliez-vous dire « montant » ([Montant]) ? Corrigez-le.',
    );
    expect(translate('en', 'error.template.unknownFieldNear.text', thrown!.params)).toContain(
      'did you mean “montant” ([Amount])',
    );
  });
});

describe('a password rule in plain words', () => {
  const known = ['personne', 'dossier', 'nas'];
  it('shows {{nas}} as the SIN label in the screen language and reads either back', () => {
    expect(toPlainWords('{{nas}}', known, 'fr')).toBe('[NAS du dossier]');
    expect(toPlainWords('{{nas}}', known, 'en')).toBe('[Record’s SIN]');
    expect(fromPlainWords('[NAS du dossier]', known)).toBe('{{nas}}');
    expect(fromPlainWords('[Record’s SIN]', known)).toBe('{{nas}}');
  });
  it('names the SIN label meant when it is mistyped', () => {
    expect(() => fromPlainWords('[NAS du dosier]', known)).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ fr: 'NAS du dossier' }) }),
    );
  });
});
