// E-mail templates: Handlebars in strict mode, checked field by field before anything is
// queued, so that an unknown field is an error the user sees at preparation, never a blank
// in a sent message. Handlebars' own strict mode misses `{{#if missing}}`, so the template's
// syntax tree is walked here against the known field names.
import Handlebars from 'handlebars';
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import { convertLegacyKeywords } from '../../src-shared/domain/legacy-keywords.js';
import { closestName } from '../../src-shared/domain/template-fields.js';
import { bothLabels } from '../../src-shared/domain/template-words.js';
import { UserError } from '../../src-shared/errors.js';
import { signatureHtml, signatureText, type Signature } from './signature.js';
import { FORBIDDEN_FIELDS, type TemplateContext } from './template-fields.js';

export type TemplatePart = 'subject' | 'text' | 'html';

export interface EmailTemplate {
  subject: string;
  text: string;
  /** Without it, the HTML body is the rendered text, escaped, in paragraphs. */
  html?: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Only conditions: loops, partials, lookups and helpers have no use in a letter. */
const BLOCK_HELPERS = new Set(['if', 'unless']);

// An isolated environment: no helper or partial registered elsewhere can leak in.
const handlebars = Handlebars.create();
const COMPILE_OPTIONS = {
  strict: true,
  data: false,
  knownHelpersOnly: true,
  knownHelpers: { if: true, unless: true, each: false, with: false, lookup: false, log: false },
} as const;

export interface FieldUse {
  name: string;
  /** Used as a condition, or inside a block that only renders when the field has a value. */
  guarded: boolean;
}

export type Renderer = (context: TemplateContext) => string;

export class CompiledEmailTemplate {
  /** Every field the template uses. */
  readonly fields: ReadonlySet<string>;
  /** Fields printed without an {{#if}} around them: an empty value leaves a blank. */
  readonly printedFields: ReadonlySet<string>;

  constructor(
    private readonly subject: Renderer,
    private readonly text: Renderer,
    private readonly html: Renderer | null,
    uses: FieldUse[],
    /** The structure's signature, after the text and the HTML of every message. */
    private readonly signature: Signature | null = null,
  ) {
    this.fields = new Set(uses.map((u) => u.name));
    this.printedFields = new Set(uses.filter((u) => !u.guarded).map((u) => u.name));
  }

  render(context: TemplateContext): RenderedEmail {
    const text = this.text(mapValues(context, bodyValue));
    const html = this.html ? this.html(mapValues(context, bodyValue)) : textToHtml(text);
    return {
      subject: oneLine(this.subject(mapValues(context, headerValue))),
      text: this.signature ? signatureText(text, this.signature) : text,
      html: this.signature ? signatureHtml(html, this.signature) : html,
    };
  }
}

/**
 * Checks the three parts against the known field names and compiles them.
 * Throws a UserError naming the part (subject, text, HTML) and the field.
 */
export function compileEmailTemplate(
  template: EmailTemplate,
  knownFields: Iterable<string>,
  signature: Signature | null = null,
): CompiledEmailTemplate {
  const known = new Set(knownFields);
  const uses: FieldUse[] = [];
  const compilePart = (part: TemplatePart, source: string, noEscape: boolean): Renderer => {
    const parsed = parseTemplate(part, source);
    for (const use of parsed.fields) checkField(part, use.name, known);
    refuseLegacyKeywords(source, known);
    uses.push(...parsed.fields);
    return compileParsed(parsed, noEscape);
  };
  const subject = compilePart('subject', template.subject, true);
  const text = compilePart('text', template.text, true);
  const html = template.html?.trim() ? compilePart('html', template.html, false) : null;
  return new CompiledEmailTemplate(subject, text, html, uses, signature);
}

/** The preview of one message: the template checked against this recipient's own fields. */
export function renderForRecipient(
  template: EmailTemplate | CompiledEmailTemplate,
  context: TemplateContext,
): RenderedEmail {
  const compiled =
    template instanceof CompiledEmailTemplate
      ? template
      : compileEmailTemplate(template, Object.keys(context));
  return compiled.render(context);
}

/** Whether a message tells the reader about a password (the seed: "mention the password"). */
export function mentionsPassword(text: string): boolean {
  return /mot\s+de\s+passe|password/i.test(text);
}

/** Plain text as HTML paragraphs: escaped, blank lines between paragraphs, <br> inside. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function escapeHtml(value: string): string {
  return handlebars.Utils.escapeExpression(value);
}

// --- Checking the syntax tree -------------------------------------------------------------

export interface ParsedTemplate {
  ast: hbs.AST.Program;
  fields: FieldUse[];
}

/** Parses one part and lists the fields it uses; refuses what a letter has no use for. */
export function parseTemplate(part: TemplatePart, source: string): ParsedTemplate {
  const ast = parse(part, source);
  const fields: FieldUse[] = [];
  walk(ast, part, new Set(), fields);
  return { ast, fields };
}

/** Strict: a field missing from the context throws rather than printing a blank. */
export function compileParsed(parsed: ParsedTemplate, noEscape: boolean): Renderer {
  const render = handlebars.compile(parsed.ast, { ...COMPILE_OPTIONS, noEscape });
  return (context) => render(context);
}

function parse(part: TemplatePart, source: string): hbs.AST.Program {
  try {
    return handlebars.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+/.exec(message)?.[1] ?? '1';
    const detail = message.split('\n').pop()?.trim().slice(0, 200) ?? '';
    throw new UserError(templateErrorKey('syntax', part), { line, detail });
  }
}

function walk(
  program: hbs.AST.Program,
  part: TemplatePart,
  guarded: Set<string>,
  uses: FieldUse[],
): void {
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        break;
      case 'MustacheStatement': {
        const mustache = statement as hbs.AST.MustacheStatement;
        if (mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0) {
          throw unsupported(part, `{{${describe(mustache.path)} …}}`);
        }
        if (part === 'html' && !mustache.escaped) {
          throw new UserError('error.template.unescaped.html', { field: describe(mustache.path) });
        }
        const name = fieldName(mustache.path, part);
        uses.push({ name, guarded: guarded.has(name) });
        break;
      }
      case 'BlockStatement': {
        const block = statement as hbs.AST.BlockStatement;
        const helper = block.path.original;
        const [condition, ...others] = block.params;
        if (
          !BLOCK_HELPERS.has(helper) ||
          !condition ||
          others.length > 0 ||
          (block.hash?.pairs.length ?? 0) > 0
        ) {
          throw unsupported(part, `{{#${helper}}}`);
        }
        const name = fieldName(condition, part);
        uses.push({ name, guarded: true });
        const withName = new Set(guarded).add(name);
        if (block.program) walk(block.program, part, helper === 'if' ? withName : guarded, uses);
        if (block.inverse)
          walk(block.inverse, part, helper === 'unless' ? withName : guarded, uses);
        break;
      }
      default:
        // Partials, decorators: nothing a letter needs, and a way around the checks.
        throw unsupported(part, statement.type === 'PartialStatement' ? '{{> …}}' : statement.type);
    }
  }
}

/** A field is one plain name: `{{personne}}`, or `{{[ma clé]}}` for an extra field with spaces. */
function fieldName(expression: hbs.AST.Expression, part: TemplatePart): string {
  if (expression.type !== 'PathExpression') throw unsupported(part, describe(expression));
  const path = expression as hbs.AST.PathExpression;
  if (path.data || path.depth > 0 || path.parts.length !== 1) return path.original;
  return path.parts[0]!;
}

function checkField(part: TemplatePart, name: string, known: ReadonlySet<string>): void {
  if (FORBIDDEN_FIELDS.has(name))
    throw new UserError(templateErrorKey('forbiddenField', part), { field: name });
  if (!known.has(name)) {
    // A slip ("montnat") is answered with the field meant, by its name and its label.
    const near = closestName(name, known);
    if (near) {
      throw new UserError(templateErrorKey('unknownFieldNear', part), {
        field: name,
        suggestion: near,
        ...bothLabels(near),
      });
    }
    throw new UserError(templateErrorKey('unknownField', part), {
      field: name,
      fields: [...known].join(', '),
    });
  }
}

/**
 * A keyword of a former product left in a text (`&personne`, `{Adr_Nom}`) would reach the
 * family as written: refused at every door, naming the field to write instead. The saved
 * templates had theirs converted when saved (template-settings.ts).
 */
function refuseLegacyKeywords(source: string, known: ReadonlySet<string>): void {
  if (!source.includes('&') && !source.includes('{')) return;
  const fields = [...known];
  const result = convertLegacyKeywords(source, fields);
  const converted = result.conversions[0];
  if (converted) throw legacyRefusal(converted.keyword, converted.field, fields);
  const unknown = result.unknown[0];
  if (unknown) throw legacyRefusal(unknown.keyword, unknown.suggestion, fields);
}

export function legacyRefusal(
  keyword: string,
  suggestion: string | null,
  fields: readonly string[],
): UserError {
  return suggestion
    ? new UserError('error.template.legacyUnknown', {
        keyword,
        suggestion,
        ...bothLabels(suggestion),
      })
    : new UserError('error.template.legacyUnknownNoSuggestion', {
        keyword,
        fields: fields.join(', '),
      });
}

function describe(expression: hbs.AST.Expression): string {
  const original = (expression as { original?: unknown }).original;
  return original === undefined ? expression.type : String(original);
}

function unsupported(part: TemplatePart, construct: string): UserError {
  return new UserError(templateErrorKey('unsupported', part), { construct });
}

type TemplateErrorKind =
  'syntax' | 'unknownField' | 'unknownFieldNear' | 'forbiddenField' | 'unsupported';

function templateErrorKey(kind: TemplateErrorKind, part: TemplatePart): MessageKey {
  return `error.template.${kind}.${part}`;
}

// --- Values -------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- control characters are what we remove
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- all but tab and line feed
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function mapValues(context: TemplateContext, clean: (value: string) => string): TemplateContext {
  const result: TemplateContext = {};
  for (const [key, value] of Object.entries(context)) result[key] = clean(value);
  return result;
}

/** In the subject, a value never breaks the line: no header can be injected through a name. */
function headerValue(value: string): string {
  return value.replace(LINE_BREAKING, ' ');
}

/** In a body, line breaks and tabs stay; other control characters go. */
function bodyValue(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(BODY_CONTROL, '');
}

/** One header line: control characters and line breaks become spaces, runs of spaces one. */
export function oneLine(value: string): string {
  return value.replace(LINE_BREAKING, ' ').replace(/ {2,}/g, ' ').trim();
}
