/**
 * SHA-256 digests (lowercase hex) of the survey definitions validated at build time
 * (docs/loading.md). Empty here: the packages validate every definition. The script-tag build
 * replaces this module with the digests of the shipped content, written by
 * `scripts/build-steps/20-surveys.mjs`.
 */
export const trustedDigests: readonly string[] = [];
