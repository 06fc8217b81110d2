// The one-pass MIME builder must give byte for byte what nodemailer's own build() gives for
// the same compiled message, whatever the message holds: each case below is compiled twice
// from the same options (same boundaries, date and Message-ID), one tree built by each.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { conformHeaderWords } from '../../src-main/mail/header-words.js';
import { mimeBytes } from '../../src-main/mail/mime-bytes.js';
import { tempFolder } from '../support/temp-folder.js';

const pdf = crypto.randomBytes(4_321);

const base: SendMailOptions = {
  baseBoundary: 'f00dfeed',
  date: new Date('2027-01-05T09:00:00Z'),
  messageId: '<releve-12@petits-pas.example>',
  from: { name: 'CPE Les Petits Pas', address: 'administration@petits-pas.example' },
  to: ['parent12@famille.example'],
  subject: 'Relevé fiscal 2026 — Zoé Bélanger-Côté',
};

const frenchText =
  'Bonjour Marie-Ève,\n\nVous trouverez ci-joint le relevé fiscal 2026 de Zoé Bélanger-Côté (n° RL24-E-12), à conserver pour votre déclaration de revenus. Le document est protégé par un mot de passe : son numéro d’assurance sociale.\n\nCordialement,\nCPE Les Petits Pas';

const cases: Record<string, SendMailOptions> = {
  'plain ASCII text': { text: 'Hello,\nyour invoice is attached.\n' },
  'French text and HTML, a PDF (quoted-printable, base64)': {
    text: frenchText,
    html: `<p>${frenchText.replace(/\n/g, '<br>')}</p>`,
    attachments: [{ filename: 'RL24-E-12.pdf', content: pdf, contentType: 'application/pdf' }],
  },
  'mostly non-Latin text (base64 text)': {
    text: '請求書を添付いたします。よろしくお願いいたします。'.repeat(8),
  },
  'trailing spaces, tabs and lone line breaks': {
    text: 'ligne avec espaces   \nfin par tabulation\t\r\nretour seul\rà la fin  ',
  },
  'a line longer than 76 characters, ASCII only': { text: `${'x'.repeat(200)}\nfin` },
  'HTML alone': { html: '<p>Reçu n° 4 — <strong>payé</strong></p>' },
  'cc, bcc, reply-to and a read receipt': {
    text: 'Bonjour,',
    cc: ['gestion@petits-pas.example'],
    bcc: ['archives@petits-pas.example'],
    replyTo: 'direction@petits-pas.example',
    headers: { 'Disposition-Notification-To': 'administration@petits-pas.example' },
  },
  'several attachments: accented names, text content, a large file': {
    text: 'Pièces jointes',
    attachments: [
      { filename: 'Avis d’échéance 2027.pdf', content: pdf, contentType: 'application/pdf' },
      { filename: 'notes.txt', content: 'Montant dû : 412,50 $\n' },
      { filename: 'gros.bin', content: crypto.randomBytes(300_000) },
    ],
  },
  'an empty body': { text: '' },
};

function compiled(options: SendMailOptions) {
  return new MailComposer({ ...base, ...options }).compile();
}

describe('mimeBytes', () => {
  for (const [name, options] of Object.entries(cases)) {
    it(`builds what nodemailer builds: ${name}`, async () => {
      const bytes = await mimeBytes(compiled(options));
      const expected = await compiled(options).build();
      expect(bytes.toString('latin1')).toBe(expected.toString('latin1'));
    });
  }

  it('keeps Bcc when asked, as build() does', async () => {
    const options = cases['cc, bcc, reply-to and a read receipt']!;
    const ours = compiled(options);
    const theirs = compiled(options);
    ours.keepBcc = theirs.keepBcc = true;
    const bytes = await mimeBytes(ours);
    expect(bytes.equals(await theirs.build())).toBe(true);
    expect(bytes.toString()).toContain('Bcc: archives@petits-pas.example');
  });

  it('builds what nodemailer builds with Postier’s header words: a long accented name, an accented file', async () => {
    const options: SendMailOptions = {
      from: {
        name: 'Marie-Éloïse Bérubé-Tremblay, directrice des services à la clientèle',
        address: 'administration@petits-pas.example',
      },
      text: 'Bonjour',
      attachments: [
        { filename: 'Relevé fiscal 2026 — Zoé.pdf', content: pdf, contentType: 'application/pdf' },
      ],
    };
    const ours = await mimeBytes(conformHeaderWords(compiled(options)));
    const theirs = await conformHeaderWords(compiled(options)).build();
    expect(ours.toString('latin1')).toBe(theirs.toString('latin1'));
    // The rules actually changed the bytes: nodemailer alone quotes an encoded word.
    const plain = (await mimeBytes(compiled(options))).toString('latin1');
    expect(plain).toMatch(/name="=\?UTF-8\?/);
    expect(ours.toString('latin1')).toContain('name="Releve fiscal 2026 _ Zoe.pdf"');
    const mail = await simpleParser(ours);
    expect(mail.from?.value[0]?.name).toBe(
      'Marie-Éloïse Bérubé-Tremblay, directrice des services à la clientèle',
    );
    expect(mail.attachments[0]!.filename).toBe('Relevé fiscal 2026 — Zoé.pdf');
  });

  it('gives a message a mail reader opens: parts, accents and the attachment intact', async () => {
    const options = cases['French text and HTML, a PDF (quoted-printable, base64)']!;
    const mail = await simpleParser(await mimeBytes(compiled(options)));
    expect(mail.subject).toBe(base.subject);
    expect(mail.text).toBe(frenchText);
    expect(mail.html).toContain('Zoé Bélanger-Côté');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('RL24-E-12.pdf');
    expect(mail.attachments[0]!.content.equals(pdf)).toBe(true);
  });

  it('leaves to build() what it does not build itself: a file path, a newline conversion', async () => {
    const file = path.join(tempFolder(), 'relevé.pdf');
    fs.writeFileSync(file, pdf);
    for (const options of [
      { text: 'Bonjour', attachments: [{ filename: 'relevé.pdf', path: file }] },
      { text: 'Bonjour\nà tous', newline: 'windows' },
    ]) {
      const bytes = await mimeBytes(compiled(options));
      expect(bytes.equals(await compiled(options).build())).toBe(true);
    }
    const mail = await simpleParser(
      await mimeBytes(compiled({ attachments: [{ filename: 'relevé.pdf', path: file }] })),
    );
    expect(mail.attachments[0]!.content.equals(pdf)).toBe(true);
  });
});
