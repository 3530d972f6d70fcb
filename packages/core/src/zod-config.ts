/**
 * No code generation in zod: the elements must run under a strict Content-Security-Policy
 * (no eval), and zod's probe for `new Function` would itself be reported as a violation.
 * Imported first by every module that builds zod schemas.
 */
import { config } from 'zod/mini';

config({ jitless: true });
