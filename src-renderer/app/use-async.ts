// Runs an api call when its key changes and keeps the latest answer.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
  onError: (error: unknown) => void,
): { value: T | undefined; loading: boolean; reload: () => void; set: (value: T) => void } {
  const [value, setValue] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const errorRef = useRef(onError);
  errorRef.current = onError;
  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef
      .current()
      .then((result) => current && setValue(result))
      .catch((error: unknown) => current && errorRef.current(error))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, reloads]);
  return { value, loading, reload: useCallback(() => setReloads((n) => n + 1), []), set: setValue };
}
