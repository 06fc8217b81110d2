// A document type's password rule ("{{nas}}"): the password that opens a recipient's PDF,
// or the type's fallback (000000000, as in the tax-slip seed) when a field it needs is empty.
// The SIN passes through here and nowhere else: it is never logged nor put in an error.
import { UserError } from '../../src-shared/errors.js';
import {
  compileParsed,
  parseTemplate,
  type ParsedTemplate,
  type Renderer,
} from '../email-templates/email-template.js';
import type { TemplateContext } from '../email-templates/template-fields.js';

/** The field only password rules may use. */
export const SIN_FIELD = 'nas';

export class PasswordRule {
  private constructor(
    private readonly typeName: string,
    private readonly parsed: ParsedTemplate,
    private readonly render: Renderer,
    private readonly fallback: string | null,
  ) {}

  /** Checks the rule's fields against the known ones (the template fields plus `nas`). */
  static compile(
    typeName: string,
    rule: string,
    fallback: string | null,
    knownFields: Iterable<string>,
  ): PasswordRule {
    const known = new Set([...knownFields, SIN_FIELD]);
    let parsed: ParsedTemplate;
    try {
      parsed = parseTemplate('text', rule);
    } catch {
      throw new UserError('error.password.ruleInvalid', { type: typeName, rule });
    }
    const unknown = parsed.fields.find((f) => !known.has(f.name));
    if (unknown)
      throw new UserError('error.password.ruleField', { type: typeName, field: unknown.name });
    return new PasswordRule(
      typeName,
      parsed,
      compileParsed(parsed, true),
      fallback?.trim() || null,
    );
  }

  /** The password for one dossier: spaces and dashes removed, as the seed's recipients type it. */
  passwordFor(context: TemplateContext, dossierNumber: string): string {
    const complete = this.parsed.fields.every((f) => (context[f.name] ?? '').trim() !== '');
    const password = complete ? this.render(context).replace(/[\s-]/g, '') : '';
    if (password !== '') return password;
    if (this.fallback === null) {
      throw new UserError('error.password.noValue', {
        type: this.typeName,
        dossier: dossierNumber,
      });
    }
    return this.fallback;
  }
}
