// Where this workstation's office data is: tried and kept by the data-place service.
import type { dataPlaceOperations } from '../../../src-shared/contract/data-place.js';
import { lazyCredentialStore } from '../../credentials/credential-store.js';
import { DataPlaceService, placeOf } from '../../db/data-place.js';
import type { HandlerDeps, HandlersFor } from './handler-deps.js';

type Name = (typeof dataPlaceOperations)[number]['name'];

export function dataPlaceHandlers({ postier, shell }: HandlerDeps): HandlersFor<Name> {
  const places = new DataPlaceService({
    store: shell.preferences.store,
    openPlace: placeOf(postier.location),
    credentials: lazyCredentialStore(),
  });
  return {
    'prefs.testDataPlace': async ({ place, password }) => places.test(place, password),
    'prefs.saveDataPlace': async ({ place }) => places.save(place),
  };
}
