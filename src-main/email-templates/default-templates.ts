// The e-mail templates shipped with Postier, one per document type and language, in
// templates/email/<type>.<fr|en>.json: { subject, text: [lines], html: [lines] }.
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import { templatesFolder } from '../pdf/templates-folder.js';
import type { EmailTemplate } from './email-template.js';

interface TemplateFile {
  subject: string;
  text: string[];
  html?: string[];
}

const cache = new Map<string, EmailTemplate>();

export function defaultTemplate(typeCode: string, language: Language): EmailTemplate {
  const name = `${typeCode}.${language}.json`;
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.join(templatesFolder(), 'email', name);
  let parsed: TemplateFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as TemplateFile;
  } catch {
    throw new UserError('error.template.defaultMissing', { file });
  }
  if (typeof parsed.subject !== 'string' || !Array.isArray(parsed.text)) {
    throw new UserError('error.template.defaultMissing', { file });
  }
  const template: EmailTemplate = {
    subject: parsed.subject,
    text: parsed.text.join('\n'),
    html: parsed.html ? parsed.html.join('\n') : null,
  };
  cache.set(name, template);
  return template;
}
