/**
 * A client-made session token is the only secret of its session: one anyone could guess (32 × `a`,
 * `abcabc…`) is refused (400 on `token`) before the session is created (docs/collector.md, "Bad input").
 */
import type { MiddlewareHandler } from 'hono';
import { invalidRequest } from '../../api/errors.js';
import { Token } from '@observatoire/core/api';
import { guessableToken } from '../../token.js';
import { jsonBodyOf, NOT_JSON } from '../json-body.js';

/**
 * @example
 * app.post('/v1/sessions', refuseGuessableTokens());
 */
export function refuseGuessableTokens(): MiddlewareHandler {
  return async (c, next) => {
    const body = await jsonBodyOf(c);
    if (body === NOT_JSON) return next();
    const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['token'] : undefined;
    // A token of the wrong shape is the schema's business (the route names every problem).
    if (Token.safeParse(token).success && guessableToken(token as string))
      return invalidRequest(c, [{ path: 'token', message: 'is too easy to guess: use 32 random bytes, base64url (43 characters)' }]);
    return next();
  };
}
