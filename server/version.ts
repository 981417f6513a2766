/** Kappa's version, reported by /info (kept equal to package.json's by a unit test). */
export const KAPPA_VERSION = '0.1.0';
