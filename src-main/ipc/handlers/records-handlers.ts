// Structures, staff, client groups, dossiers and correspondents: straight to RecordsService.
import type { recordsOperations } from '../../../src-shared/contract/records.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof recordsOperations)[number]['name'];

export function recordsHandlers({ postier }: HandlerDeps): HandlersFor<Name> {
  const records = postier.records;
  return {
    'structures.list': () => records.listStructures(),
    'structures.create': (input) => records.createStructure(input),
    'structures.update': ({ id, version, patch }) => records.updateStructure(id, version, patch),
    'structures.lookups': async ({ structureId }) => ({
      staff: await records.listStaff(structureId),
      groups: await records.listClientGroups(structureId),
    }),
    'dossiers.search': (search) => records.searchDossiers(search),
    'dossiers.get': ({ id }) => records.getDossier(id),
    'dossiers.create': ({ structureId, dossier }) => records.createDossier(structureId, dossier),
    'dossiers.update': ({ id, version, patch }) => records.updateDossier(id, version, patch),
    'dossiers.addCorrespondent': async ({ dossierId, correspondent }) => {
      await records.addCorrespondent(dossierId, correspondent);
      return records.getDossier(dossierId);
    },
    'dossiers.updateCorrespondent': async ({ dossierId, id, version, patch }) => {
      await records.updateCorrespondent(id, version, patch);
      return records.getDossier(dossierId);
    },
    'dossiers.removeCorrespondent': async ({ dossierId, id, version }) => {
      await records.removeCorrespondent(id, version);
      return records.getDossier(dossierId);
    },
  };
}
