// A small seeded PRNG with integer arithmetic only (Math.imul, shifts), so a seed yields the same
// stream on every machine and Node version: a Weyl sequence finished by the murmur3 32-bit mixer.

/** Mixes 32 bits so nearby inputs give unrelated outputs (murmur3 finalizer). */
export function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, to derive a per-name stream. */
export function hashString32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A uniform [0, 1) generator seeded by `seed` (any 32-bit integer). */
export function seededRandom(seed: number): () => number {
  let state = mix32(seed);
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return mix32(state) / 4294967296;
  };
}
