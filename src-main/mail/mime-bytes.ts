// A compiled message (nodemailer's MIME tree) to bytes in one plain pass, byte for byte what
// the tree's own build() makes. build() streams every part through its own pipeline of
// streams; ending each pipeline creates an AbortController and a DOMException with a stack
// trace. For a message of a few kilobytes that streaming cost 0.35 of 0.55 ms of CPU, a
// quarter of what the engine spends per message. The headers, the encoders and the part
// layout stay nodemailer's: only the plumbing between them is left out.
import type { Transform } from 'node:stream';
import { Encoder as Base64Encoder } from 'nodemailer/lib/base64';
import type MimeNode from 'nodemailer/lib/mime-node';
import { Encoder as QuotedPrintableEncoder } from 'nodemailer/lib/qp';

/** What build() does with a tree this pass does not know; none of our messages has one. */
interface StreamingOnly {
  /** setRaw(): a part given as finished MIME. */
  _raw?: unknown;
  /** transform() and processFunc(): user streams over the whole message (DKIM signing). */
  _transforms?: unknown[];
  _processFuncs?: unknown[];
}

export async function mimeBytes(root: MimeNode): Promise<Buffer> {
  if (!builtInOnePass(root)) return root.build();
  const parts: Buffer[] = [];
  appendNode(root, parts);
  // As build()'s last stage: the message ends with a line break.
  const last = parts.at(-1)?.at(-1);
  if (last !== 0x0a) parts.push(Buffer.from(last === 0x0d ? '\n' : '\r\n'));
  return Buffer.concat(parts);
}

/** Only text and buffers (no files, streams, URLs or raw parts), no transforms, no newline conversion. */
function builtInOnePass(root: MimeNode): boolean {
  const extras = root as MimeNode & StreamingOnly;
  if (root.newline || extras._transforms?.length || extras._processFuncs?.length) return false;
  const plain = (node: MimeNode): boolean =>
    !(node as MimeNode & StreamingOnly)._raw &&
    (node.content === undefined ||
      typeof node.content === 'string' ||
      Buffer.isBuffer(node.content)) &&
    node.childNodes.every(plain);
  return plain(root);
}

/** MimeNode.stream() without the streams: headers, encoded content, then the child parts. */
function appendNode(node: MimeNode, parts: Buffer[]): void {
  parts.push(Buffer.from(`${node.buildHeaders()}\r\n\r\n`));
  const content = node.content as string | Buffer | undefined;
  if (content) parts.push(encodedContent(node, content));
  if (!node.multipart) return;
  node.childNodes.forEach((child, index) => {
    parts.push(Buffer.from(`${index > 0 ? '\r\n' : ''}--${node.boundary}\r\n`));
    appendNode(child, parts);
  });
  parts.push(Buffer.from(`\r\n--${node.boundary}--\r\n`));
}

function encodedContent(node: MimeNode, content: string | Buffer): Buffer {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  switch (node.getTransferEncoding()) {
    case 'base64':
      return throughEncoder(new Base64Encoder(), bytes);
    case 'quoted-printable':
      // As build(): outside text a lone CR or LF is data, to be encoded as such.
      return throughEncoder(
        new QuotedPrintableEncoder({ binary: !/^text\//i.test(node.contentType ?? '') }),
        bytes,
      );
    default:
      return bytes;
  }
}

/** The encoder's whole output for one input: both calls push what they make synchronously. */
function throughEncoder(encoder: Transform, bytes: Buffer): Buffer {
  const fail = (error?: Error | null) => {
    if (error) throw error;
  };
  // 'buffer' is what a stream passes with a Buffer chunk: the encoders take it as it is.
  encoder._transform(bytes, 'buffer' as BufferEncoding, fail);
  encoder._flush?.(fail);
  return (encoder.read() as Buffer | null) ?? Buffer.alloc(0);
}
