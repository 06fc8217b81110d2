// The structure's logo travels in the rendered HTML as a data: image; the MIME builder makes
// it one inline part of a multipart/related body, referenced by cid:, once however many times
// the HTML shows it, PNG or JPEG; a message without one is built as before.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { mimeBytes } from '../../src-main/mail/mime-bytes.js';
import { compiledMessage } from '../../src-main/mail/mime-message.js';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEUlEQVR4nGP4z8DAwMDAwAAAJfYE/Cm/BAsAAAAASUVORK5CYII=',
  'base64',
);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

async function built(html: string) {
  const node = await compiledMessage({
    from: 'facturation@erables.example',
    to: 'famille@example.com',
    subject: 'Facture',
    text: 'Bonjour',
    html,
    attachments: [{ filename: 'Facture F-1.pdf', content: Buffer.from('%PDF-1.4') }],
  });
  const raw = await mimeBytes(node);
  return { raw: raw.toString('latin1'), parsed: await simpleParser(raw, { keepCidLinks: true }) };
}

describe('the logo in the MIME message', () => {
  it('is one inline related part per image, referenced by cid: from the HTML', async () => {
    const { raw, parsed } = await built(
      `<p>Bonjour</p><img src="${dataUrl('image/png', png)}" alt="Logo"><img src="${dataUrl('image/png', png)}"><img src="${dataUrl('image/jpeg', jpeg)}">`,
    );
    expect(raw).toMatch(/Content-Type: multipart\/related/);
    const images = parsed.attachments.filter((a) => a.contentType.startsWith('image/'));
    expect(images.map((a) => [a.contentType, a.contentDisposition, a.related])).toEqual([
      ['image/png', 'inline', true],
      ['image/jpeg', 'inline', true],
    ]);
    expect(images[0]!.content).toEqual(png);
    expect(images[1]!.content).toEqual(jpeg);
    expect(parsed.html).toBe(
      `<p>Bonjour</p><img src="cid:${images[0]!.cid}" alt="Logo"><img src="cid:${images[0]!.cid}"><img src="cid:${images[1]!.cid}">`,
    );
    expect(parsed.attachments.find((a) => a.filename === 'Facture F-1.pdf')).toMatchObject({
      contentDisposition: 'attachment',
    });
  });

  it('leaves a message without a data: image as it was', async () => {
    const { raw, parsed } = await built('<p>Bonjour</p><img src="https://example.com/x.png">');
    expect(raw).not.toMatch(/multipart\/related/);
    expect(parsed.html).toBe('<p>Bonjour</p><img src="https://example.com/x.png">');
  });
});
