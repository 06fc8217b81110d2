// A queued message as its transport receives it: addresses and bodies from the row, each
// attached file found in the data folder with the content type a mail client expects, the
// read receipt going where replies go; a file outside the data folder is refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src-shared/errors.js';
import { DataFolder } from '../../src-main/data-folder/data-folder.js';
import { FolderContentStore } from '../../src-main/documents/content-store.js';
import { outgoingMessage, type MessageParts } from '../../src-main/send/outgoing-message.js';

const folder = new DataFolder(path.resolve('cabinet-test'));
const contents = new FolderContentStore(folder);
const DATE = new Date('2026-01-05T10:00:00.000Z');

function row(parts: Partial<MessageParts> = {}): MessageParts {
  return {
    message_id_header: '<abc@postier>',
    from_name: 'Cabinet Dupont',
    from_address: 'cabinet@exemple.fr',
    reply_to: null,
    to_addresses: '["marie@exemple.fr"]',
    cc_addresses: '["paul@exemple.fr"]',
    bcc_addresses: '[]',
    subject: 'Votre facture',
    text_body: 'Bonjour,',
    html_body: null,
    attachments: '[]',
    read_receipt: 0,
    ...parts,
  };
}

describe('outgoing message', () => {
  it('carries the row’s sender, recipients and bodies', () => {
    const message = outgoingMessage(row(), contents, DATE);
    expect(message).toMatchObject({
      messageIdHeader: '<abc@postier>',
      from: { name: 'Cabinet Dupont', address: 'cabinet@exemple.fr' },
      to: ['marie@exemple.fr'],
      cc: ['paul@exemple.fr'],
      bcc: [],
      subject: 'Votre facture',
      text: 'Bonjour,',
      html: null,
      attachments: [],
      readReceiptTo: null,
      date: DATE,
    });
  });

  it('finds each attached file in the data folder, with its content type', () => {
    const attachments = JSON.stringify([
      { fileName: 'Facture 12.PDF', path: 'documents/2026/facture-12.pdf' },
      { fileName: 'relevé.xlsx', path: 'documents/2026/releve.xlsx' },
      { fileName: 'notes.odt', path: 'documents/2026/notes.odt' },
    ]);
    const message = outgoingMessage(row({ attachments }), contents, DATE);
    expect(message.attachments).toEqual([
      {
        fileName: 'Facture 12.PDF',
        absolutePath: path.join(folder.root, 'documents', '2026', 'facture-12.pdf'),
        contentType: 'application/pdf',
      },
      {
        fileName: 'relevé.xlsx',
        absolutePath: path.join(folder.root, 'documents', '2026', 'releve.xlsx'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      {
        fileName: 'notes.odt',
        absolutePath: path.join(folder.root, 'documents', '2026', 'notes.odt'),
        contentType: 'application/octet-stream',
      },
    ]);
  });

  it('asks for a read receipt to the reply address, else to the sender', () => {
    const withReply = row({ read_receipt: 1, reply_to: 'secretariat@exemple.fr' });
    expect(outgoingMessage(withReply, contents, DATE).readReceiptTo).toBe('secretariat@exemple.fr');
    expect(outgoingMessage(row({ read_receipt: 1 }), contents, DATE).readReceiptTo).toBe(
      'cabinet@exemple.fr',
    );
  });

  it('refuses a file outside the data folder: the message cannot go', () => {
    const attachments = JSON.stringify([{ fileName: 'x.pdf', path: '../ailleurs/x.pdf' }]);
    let error: unknown;
    try {
      outgoingMessage(row({ attachments }), contents, DATE);
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('error.file.unsafeName');
  });
});
