// Whether a planned message fits the account's size limit, without rendering its text: the
// most its subject and bodies can weigh is bounded by the template's own length and its
// longest field value, which is far below any limit unless the files are near it. Only then
// is the message rendered to be weighed exactly. So a batch (or the dialog's list of 5,000
// invoices) renders no text at planning time, and never holds every message's text.
import type { CompiledEmailTemplate, EmailTemplate } from '../email-templates/email-template.js';
import type { TemplateContext } from '../email-templates/template-fields.js';
import { estimateMessageBytes, estimateMessageBytesOf } from './attachments.js';

interface PartBound {
  chars: number;
  /** `{{` in the source: at least as many as the values it prints. */
  uses: number;
}

/** What the size of one template's parts is bounded by. */
export interface TemplateBound {
  subject: PartBound;
  text: PartBound;
  html: PartBound | null;
}

/** Handlebars' longest escape ("=" → "&#x3D;") and UTF-8's longest unit (3 bytes per UTF-16 unit). */
const HTML_ESCAPE = 6;
const UTF8_BYTES = 3;
/** textToHtml: every character escaped, a newline becoming "<br>\n", "<p></p>" per paragraph. */
const TEXT_AS_HTML = 13;

export function templateBound(template: EmailTemplate): TemplateBound {
  const part = (source: string): PartBound => ({
    chars: source.length,
    uses: source.split('{{').length - 1,
  });
  return {
    subject: part(template.subject),
    text: part(template.text),
    html: template.html?.trim() ? part(template.html) : null,
  };
}

/** The most the subject, text and HTML can weigh in UTF-8 with these values. */
function bodyBytesBound(bound: TemplateBound, context: TemplateContext): number[] {
  let longest = 0;
  for (const key in context) {
    const length = context[key]!.length;
    if (length > longest) longest = length;
  }
  const text = bound.text.chars + bound.text.uses * longest;
  const html = bound.html
    ? bound.html.chars + bound.html.uses * longest * HTML_ESCAPE
    : TEXT_AS_HTML * text + 7;
  const subject = bound.subject.chars + bound.subject.uses * longest;
  return [subject * UTF8_BYTES, text * UTF8_BYTES, html * UTF8_BYTES];
}

/**
 * The message's estimated size when it is over `limit`, else null. Rendered only when the
 * bound says it might not fit.
 */
export function sizeOverLimit(
  attachmentSizes: readonly number[],
  template: { compiled: CompiledEmailTemplate; bound: TemplateBound },
  context: TemplateContext,
  limit: number,
): number | null {
  if (estimateMessageBytesOf(attachmentSizes, bodyBytesBound(template.bound, context)) <= limit)
    return null;
  const rendered = template.compiled.render(context);
  const size = estimateMessageBytes(attachmentSizes, [
    rendered.subject,
    rendered.text,
    rendered.html,
  ]);
  return size > limit ? size : null;
}
