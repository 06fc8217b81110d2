// Contract of what Paramètres > Modèles adds for people who do not read Handlebars: the
// structure's signature and logo, and a sample of a template rendered with example values
// (signature and logo included), as a family would read it.
import { z } from 'zod';
import { defineOperation } from './operation.js';
import { id, text } from './primitives.js';

export const signatureSchema = z.object({
  text: z.string(),
  logo: z
    .object({
      file: z.string(),
      contentType: z.enum(['image/png', 'image/jpeg']),
      size: z.int(),
      /** The image itself, for the page to show (data: address). */
      dataUrl: z.string(),
    })
    .nullable(),
});

export const templateHelpOperations = [
  defineOperation('signature.get', z.strictObject({ structureId: id }), signatureSchema),
  defineOperation(
    'signature.setText',
    z.strictObject({ structureId: id, text: text(2000) }),
    signatureSchema,
  ),
  /** The logo: a staged file (files.pick / files.upload), PNG or JPEG, bounded in size. */
  defineOperation(
    'signature.setLogo',
    z.strictObject({ structureId: id, file: text(100) }),
    signatureSchema,
  ),
  defineOperation('signature.removeLogo', z.strictObject({ structureId: id }), signatureSchema),
  /**
   * The template rendered with example values in `language` (the families' it is for; the
   * structure's when absent), signature included.
   */
  defineOperation(
    'templates.sample',
    z.strictObject({
      structureId: id,
      language: z.enum(['fr', 'en']).optional(),
      template: z.strictObject({
        subject: text(1000),
        text: text(100_000),
        html: text(200_000).nullable(),
      }),
    }),
    z.object({ subject: z.string(), text: z.string(), html: z.string() }),
  ),
] as const;
