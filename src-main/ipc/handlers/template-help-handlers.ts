// The structure's signature and logo, and the template's sample: thin adapters over
// SignatureSettings and TemplateSettings (Paramètres > Modèles).
import type { templateHelpOperations } from '../../../src-shared/contract/template-help.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof templateHelpOperations)[number]['name'];

export function templateHelpHandlers({ postier, staged }: HandlerDeps): HandlersFor<Name> {
  const { signatures, templates } = postier;
  return {
    'signature.get': ({ structureId }) => signatures.get(structureId),
    'signature.setText': ({ structureId, text }) => signatures.setText(structureId, text),
    'signature.setLogo': ({ structureId, file }) =>
      signatures.setLogo(structureId, staged.resolve(file).path),
    'signature.removeLogo': ({ structureId }) => signatures.removeLogo(structureId),
    'templates.sample': ({ structureId, template, language }) =>
      templates.sample(structureId, template, language),
  };
}
