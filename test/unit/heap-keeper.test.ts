import { describe, expect, it } from 'vitest';
import { heapKeeper } from '../../src-main/workstation/heap-keeper.js';

describe('heapKeeper', () => {
  it('asks for a collection once the old generation has grown by several MB, not before', () => {
    let collections = 0;
    const keep = heapKeeper(() => collections++);
    keep();
    expect(collections).toBe(0);
    // About 40 MB of live objects: the heap has grown well past the keeper's step.
    const held = Array.from({ length: 40 }, (_, i) =>
      Array.from({ length: 64 * 1024 }, (_, j) => ({ i, j })),
    );
    keep();
    expect(collections).toBe(1);
    keep();
    expect(collections).toBe(1);
    expect(held.length).toBe(40);
  });

  it('collects for real when V8 lets it', () => {
    const keep = heapKeeper();
    expect(() => keep()).not.toThrow();
  });
});
