/**
 * The bootstrap admin secret (`ADMIN_TOKEN`, docs/collector.md, "Access") in production: without
 * one, or with one short enough to guess, the collector does not start.
 */

/** Characters an admin secret needs in production (`openssl rand -base64 32` gives 44). */
export const MIN_ADMIN_SECRET_LENGTH = 32;

/**
 * Why the collector must not start with this environment, or `null`. Only `NODE_ENV=production`
 * is checked: a development collector may run with no admin token (its admin routes are then closed
 * except to API keys).
 *
 * @example
 * adminSecretProblem({ NODE_ENV: 'production', ADMIN_TOKEN: 'change-me' });
 * // 'ADMIN_TOKEN is 9 characters long; production needs at least 32 (openssl rand -base64 32).'
 */
export function adminSecretProblem(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env['NODE_ENV'] !== 'production') return null;
  const secret = env['ADMIN_TOKEN'] ?? '';
  if (secret === '') return 'ADMIN_TOKEN is not set; production needs an admin secret of at least 32 characters (openssl rand -base64 32).';
  if (secret.length < MIN_ADMIN_SECRET_LENGTH)
    return `ADMIN_TOKEN is ${secret.length} characters long; production needs at least ${MIN_ADMIN_SECRET_LENGTH} (openssl rand -base64 32).`;
  if (new Set(secret).size < 10) return 'ADMIN_TOKEN repeats too few characters to be a secret; production needs a random one (openssl rand -base64 32).';
  return null;
}
