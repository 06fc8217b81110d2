// E-mail templates: strict fields checked before anything is queued, escaping, no header
// injection, and the default templates shipped for every type and language.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPE_CODES } from '../../src-shared/domain/document-types.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { defaultTemplate } from '../../src-main/email-templates/default-templates.js';
import {
  compileEmailTemplate,
  mentionsPassword,
  renderForRecipient,
  textToHtml,
} from '../../src-main/email-templates/email-template.js';
import {
  buildTemplateContext,
  STANDARD_FIELDS,
  templateFieldNames,
  type ContextSource,
} from '../../src-main/email-templates/template-fields.js';

const source: ContextSource = {
  structure: { name: 'Résidence Les Érables', locale: 'fr-CA' },
  dossier: {
    number: '1003',
    title: 'Mme',
    firstName: 'Josiane',
    lastName: 'Mailly',
    displayName: 'Mme Josiane Mailly',
    extra: { chambre: '102' },
  },
  document: {
    number: 'F202610-1003',
    period: '2026-10',
    amountCents: 248_050,
    currency: 'CAD',
    dueDate: '2026-11-15',
  },
  typeName: 'Facture',
  recipientName: 'Anaïs Mailly',
  senderName: 'Sophie Gagné',
};
const context = buildTemplateContext(source);
const fields = templateFieldNames(['chambre']);

describe('template fields', () => {
  it('gives the seed’s &personne and &periode, formatted money and dates, and the dossier’s extra fields', () => {
    expect(context).toMatchObject({
      personne: 'Mme Josiane Mailly',
      periode: 'octobre 2026',
      numero: 'F202610-1003',
      echeance: '15 novembre 2026',
      dossier: '1003',
      destinataire: 'Anaïs Mailly',
      chambre: '102',
    });
    expect(context.montant).toMatch(/^2\s480,50\s\$$/);
    expect(fields).toEqual([...STANDARD_FIELDS, 'chambre']);
  });

  it('never offers the SIN as an e-mail field, even when a dossier has an extra field named so', () => {
    expect(templateFieldNames(['nas', 'chambre'])).not.toContain('nas');
    expect(
      buildTemplateContext({
        ...source,
        dossier: { ...source.dossier, extra: { nas: '046454286' } },
      }),
    ).not.toHaveProperty('nas');
  });
});

describe('compileEmailTemplate', () => {
  it('renders the seed’s sentence', () => {
    const rendered = renderForRecipient(
      {
        subject: 'Facture {{periode}}',
        text: 'Vous trouverez ci-joint la facture de {{personne}} pour la période de {{periode}}',
      },
      context,
    );
    expect(rendered.subject).toBe('Facture octobre 2026');
    expect(rendered.text).toBe(
      'Vous trouverez ci-joint la facture de Mme Josiane Mailly pour la période de octobre 2026',
    );
    expect(rendered.html).toBe(
      '<p>Vous trouverez ci-joint la facture de Mme Josiane Mailly pour la période de octobre 2026</p>',
    );
  });

  it.each([
    [
      'subject',
      { subject: 'Facture {{periodee}}', text: 'x' },
      'error.template.unknownFieldNear.subject',
      'periodee',
    ],
    [
      'text',
      { subject: 's', text: 'Bonjour {{prénom}}' },
      'error.template.unknownFieldNear.text',
      'prénom',
    ],
    [
      'html',
      { subject: 's', text: 't', html: '<p>{{foo}}</p>' },
      'error.template.unknownField.html',
      'foo',
    ],
    [
      'an #if condition',
      { subject: 's', text: '{{#if missing}}a{{/if}}' },
      'error.template.unknownField.text',
      'missing',
    ],
    [
      'an #unless condition',
      { subject: 's', text: '{{#unless x}}a{{else}}{{y}}{{/unless}}' },
      'error.template.unknownField.text',
      'x',
    ],
    [
      'a nested path',
      { subject: 's', text: '{{personne.nom}}' },
      'error.template.unknownField.text',
      'personne.nom',
    ],
  ])(
    'refuses an unknown field in %s, naming the field and the part',
    (_where, template, code, field) => {
      let thrown: unknown;
      try {
        compileEmailTemplate(template, fields);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code, params: { field } });
      const sentence = translate(
        'fr',
        code as never,
        (thrown as { params: Record<string, string> }).params,
      );
      expect(sentence).toContain(`« ${field} »`);
    },
  );

  it('says which part has a syntax error, and refuses helpers, partials and loops', () => {
    expect(() =>
      compileEmailTemplate({ subject: 's', text: 'Bonjour {{personne}' }, fields),
    ).toThrow(expect.objectContaining({ code: 'error.template.syntax.text' }));
    for (const text of [
      '{{#each personne}}x{{/each}}',
      '{{> entete}}',
      '{{lookup personne "x"}}',
      '{{log personne}}',
    ]) {
      expect(() => compileEmailTemplate({ subject: 's', text }, fields), text).toThrow(
        expect.objectContaining({ code: 'error.template.unsupported.text' }),
      );
    }
  });

  it('refuses the SIN in any part, with its own message', () => {
    expect(() =>
      compileEmailTemplate({ subject: 'NAS {{nas}}', text: 't' }, [...fields, 'nas']),
    ).toThrow(
      expect.objectContaining({
        code: 'error.template.forbiddenField.subject',
        params: { field: 'nas' },
      }),
    );
  });

  it('escapes field values in the HTML body and refuses triple braces there', () => {
    const hostile = { ...context, personne: '<script>alert("x")</script> & Cie' };
    const rendered = renderForRecipient(
      { subject: '{{personne}}', text: '{{personne}}', html: '<p>{{personne}}</p>' },
      hostile,
    );
    expect(rendered.html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie</p>',
    );
    expect(rendered.text).toBe('<script>alert("x")</script> & Cie');
    expect(() =>
      compileEmailTemplate({ subject: 's', text: 't', html: '{{{personne}}}' }, fields),
    ).toThrow(
      expect.objectContaining({
        code: 'error.template.unescaped.html',
        params: { field: 'personne' },
      }),
    );
  });

  it('keeps every line break of a field value out of the subject, so no header can be injected', () => {
    const hostile = {
      ...context,
      personne: 'Mailly\r\nBcc: victime@example.com\r\n\r\nSpam',
      nom: 'X\u0000\u2028Y',
    };
    const rendered = renderForRecipient(
      { subject: 'Facture {{personne}} {{nom}}', text: '{{personne}}' },
      hostile,
    );
    expect(rendered.subject).toBe('Facture Mailly Bcc: victime@example.com Spam X Y');
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there
    expect(rendered.subject).not.toMatch(/[\r\n\u0000-\u001f\u2028]/);
    // A subject template typed on two lines is one line too.
    expect(
      renderForRecipient({ subject: 'Facture\n{{periode}}', text: 't' }, context).subject,
    ).toBe('Facture octobre 2026');
  });

  it('lists the fields printed without a condition, so that an empty one can be reported', () => {
    const compiled = compileEmailTemplate(
      { subject: '{{numero}}', text: '{{#if echeance}}avant le {{echeance}}{{/if}} {{chambre}}' },
      fields,
    );
    expect([...compiled.printedFields].sort()).toEqual(['chambre', 'numero']);
    expect([...compiled.fields].sort()).toEqual(['chambre', 'echeance', 'numero']);
  });

  it('turns a plain text into escaped HTML paragraphs', () => {
    expect(textToHtml('Bonjour <Anaïs>,\n\nLigne 1\nLigne 2')).toBe(
      '<p>Bonjour &lt;Anaïs&gt;,</p>\n<p>Ligne 1<br>\nLigne 2</p>',
    );
  });
});

describe('default templates', () => {
  it.each(
    DOCUMENT_TYPE_CODES.flatMap((type) =>
      (['fr', 'en'] as const).map((language) => [type, language] as const),
    ),
  )('%s.%s compiles against the standard fields and renders every part', (type, language) => {
    const template = defaultTemplate(type, language);
    const rendered = compileEmailTemplate(template, STANDARD_FIELDS).render(context);
    expect(rendered.subject.length).toBeGreaterThan(5);
    expect(rendered.text).toContain('Mme Josiane Mailly');
    expect(rendered.html).toContain('Mme Josiane Mailly');
    expect(rendered.text).not.toContain('{{');
  });

  it('explains the password in the password-protected types, and only there', () => {
    for (const type of DOCUMENT_TYPE_CODES) {
      const protectedType = type === 'taxslip' || type === 'verification';
      for (const language of ['fr', 'en'] as const) {
        const rendered = compileEmailTemplate(
          defaultTemplate(type, language),
          STANDARD_FIELDS,
        ).render(context);
        expect(mentionsPassword(rendered.text), `${type}.${language}`).toBe(protectedType);
        if (protectedType) expect(rendered.text).toContain('000000000');
      }
    }
    const taxslip = compileEmailTemplate(defaultTemplate('taxslip', 'fr'), STANDARD_FIELDS).render(
      context,
    );
    expect(taxslip.text).toContain(
      'Le document est protégé par un mot de passe : le numéro d’assurance sociale de Mme Josiane Mailly, en 9 chiffres sans espaces (ou 000000000 s’il ne nous a pas été fourni).',
    );
  });

  it('greets the recipient by name, or simply when the correspondent has none', () => {
    const template = defaultTemplate('invoice', 'fr');
    expect(renderForRecipient(template, context).text.startsWith('Bonjour Anaïs Mailly,')).toBe(
      true,
    );
    expect(
      renderForRecipient(template, { ...context, destinataire: '' }).text.startsWith('Bonjour,\n'),
    ).toBe(true);
  });
});
