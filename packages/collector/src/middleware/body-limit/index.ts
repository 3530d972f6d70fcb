/** Bodies over the limit are refused with 413 before they are read in full. */
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../api/errors.js';

/**
 * @example
 * app.use('/v1/*', limitBody(64 * 1024));
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => errorResponse(c, 413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`),
  });
}
