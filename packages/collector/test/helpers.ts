/** Calling the app the way a client does, in tests. */
import type { Hono } from 'hono';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON
  body: any;
}

export const ADMIN = 'admin-token-for-tests-0123456789abcdef';

export function client(app: Hono, base = 'http://collector.test') {
  /** `raw`: a body sent as is, with only the headers given. */
  async function call(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}, raw?: string): Promise<Reply> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    if (token) (init.headers as Record<string, string>)['Authorization'] = `Bearer ${token}`;
    const response = await app.fetch(new Request(`${base}${path}`, init));
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }
  return { call };
}

let counter = 0;
/** Unique ids across runs (the PostgreSQL database outlives a test run). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${counter}`;
}

export function secret(): string {
  return `tok_${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');
}

/** Parse our CSV (RFC 4180) back into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
