// The sandbox's seeded randomness and the ids drawn from it: the same seed gives the same data set.

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same data set. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4 UUID drawn from `random` (Genesys and Our Voice ids). */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A 22-character base64url id (16 bytes) drawn from `random` (Zoom ids). */
export function seededId(random: () => number): string {
  return Buffer.from(Array.from({ length: 16 }, () => Math.floor(random() * 256))).toString("base64url");
}
