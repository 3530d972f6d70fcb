/**
 * `observatoire admin …`: organisations, campaigns, API keys and the audit log of a collector,
 * through its admin API (docs/collector.md, "Organisations and campaigns", "Access").
 * The key is read from `OBSERVATOIRE_KEY` (or `ADMIN_TOKEN`), never from the command line, where
 * other users of the machine could read it.
 */
import { parseArgs } from 'node:util';
import { CollectorError, date, iso, UsageError } from './admin-errors.js';
import { runWebhooks, WEBHOOKS_USAGE } from './admin-webhooks.js';

export const ADMIN_USAGE = `Usage: observatoire admin <command> [--collector <url>] [--json]
  org create --name <name> --commune <INSEE code> [--siret <14 digits>] [--id <code>]
  org list
  campaign create --org <id> --survey <survey id> --version <content version> [--opens <date>] [--closes <date>]
                  [--target <respondents>] [--label <text>]
  campaign list
  key create --role structure --org <id> | --role territory --territory dep:35|region:53 | --role admin  --label <text>
  key list
  key revoke <key id>
  audit [--limit <n>]
${WEBHOOKS_USAGE}
The collector is --collector, else OBSERVATOIRE_COLLECTOR, else http://localhost:8787.
The admin key is read from OBSERVATOIRE_KEY (else ADMIN_TOKEN). Dates are ISO (2025-10-01 or 2025-10-01T09:00:00Z).`;

export interface AdminEnvironment {
  fetch: typeof fetch;
  env: Readonly<Record<string, string | undefined>>;
}

interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs `observatoire admin …`; resolves to the exit code (0 done, 1 refused by the collector or
 * unreachable, 2 bad usage).
 *
 * @example
 * process.exitCode = await runAdmin(['admin', 'campaign', 'list'], { stdout: process.stdout, stderr: process.stderr });
 */
export async function runAdmin(argv: readonly string[], streams: Streams, environment: AdminEnvironment = { fetch, env: process.env }): Promise<number> {
  const { stdout, stderr } = streams;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv.slice(1),
        allowPositionals: true,
        options: {
          collector: { type: 'string' },
          json: { type: 'boolean' },
          name: { type: 'string' },
          commune: { type: 'string' },
          siret: { type: 'string' },
          id: { type: 'string' },
          org: { type: 'string' },
          survey: { type: 'string' },
          version: { type: 'string' },
          opens: { type: 'string' },
          closes: { type: 'string' },
          target: { type: 'string' },
          label: { type: 'string' },
          role: { type: 'string' },
          territory: { type: 'string' },
          limit: { type: 'string' },
          url: { type: 'string' },
          events: { type: 'string' },
          campaign: { type: 'string' },
          webhook: { type: 'string' },
          since: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      stdout.write(`${ADMIN_USAGE}\n`);
      return 0;
    }
    const key = environment.env['OBSERVATOIRE_KEY'] || environment.env['ADMIN_TOKEN'];
    if (!key) throw new UsageError('no key: set OBSERVATOIRE_KEY to the admin secret or an admin API key');
    const base = values.collector ?? environment.env['OBSERVATOIRE_COLLECTOR'] ?? 'http://localhost:8787';
    const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      let response: Response;
      try {
        response = await environment.fetch(new URL(path, base.endsWith('/') ? base : `${base}/`), {
          method,
          headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (e) {
        throw new CollectorError(`cannot reach the collector at ${base} (${(e as Error).message})`);
      }
      const text = await response.text();
      const json: unknown = text ? JSON.parse(text) : null;
      if (!response.ok) {
        const error = json as { error?: string; message?: string } | null;
        throw new CollectorError(`the collector answered ${response.status} ${error?.error ?? ''}: ${error?.message ?? text}`);
      }
      return json;
    };
    const print = (value: unknown, lines: () => string[]) => stdout.write(`${values.json ? JSON.stringify(value, null, 2) : lines().join('\n')}\n`);
    const command = positionals.join(' ');
    const [noun, verb, argument] = positionals;
    const one = (what: string) => {
      if (positionals.length !== (argument === undefined ? 2 : 3)) throw new UsageError(`"${command}" takes no other argument than ${what}`);
    };

    if (noun === 'org' && verb === 'create' && positionals.length === 2) {
      if (!values.name) throw new UsageError('--name is required');
      if (!values.commune) throw new UsageError('--commune is required (the INSEE code, e.g. 35360)');
      const made = (await call('POST', 'v1/organisations', {
        name: values.name,
        commune: values.commune,
        ...(values.siret ? { siret: values.siret } : {}),
        ...(values.id ? { id: values.id } : {}),
      })) as { id: string };
      print(made, () => [`organisation ${made.id} created`]);
    } else if (noun === 'org' && verb === 'list' && positionals.length === 2) {
      const list = (await call('GET', 'v1/organisations')) as { id: string; name: string; commune: string; siret: string | null }[];
      print(list, () => list.map((o) => `${o.id}\t${o.name}\t${o.commune}\t${o.siret ?? ''}`));
    } else if (noun === 'campaign' && verb === 'create' && positionals.length === 2) {
      if (!values.org) throw new UsageError('--org is required (the organisation id)');
      if (!values.survey || !values.version) throw new UsageError('--survey and --version are required (e.g. --survey observatoire-2025 --version 2025.2)');
      const target = values.target === undefined ? undefined : Number(values.target);
      if (target !== undefined && !(Number.isInteger(target) && target >= 1)) throw new UsageError(`--target must be a whole number of respondents (got "${values.target}")`);
      const made = (await call('POST', 'v1/campaigns', {
        organisation: values.org,
        surveyId: values.survey,
        contentVersion: values.version,
        opensAt: values.opens === undefined ? Date.now() : date('--opens', values.opens),
        ...(values.closes === undefined ? {} : { closesAt: date('--closes', values.closes) }),
        ...(target === undefined ? {} : { target }),
        ...(values.label ? { label: values.label } : {}),
      })) as { code: string };
      print(made, () => [`campaign ${made.code} created: <obs-survey campaign="${made.code}">`]);
    } else if (noun === 'campaign' && verb === 'list' && positionals.length === 2) {
      const list = (await call('GET', 'v1/campaigns')) as { code: string; organisation: string; surveyId: string; contentVersion: string; opensAt: number; closesAt: number | null; target: number | null; label: string | null }[];
      print(list, () =>
        list.map((c) => [c.code, c.organisation, `${c.surveyId}@${c.contentVersion}`, iso(c.opensAt), c.closesAt === null ? 'open-ended' : iso(c.closesAt), c.target ?? '', c.label ?? ''].join('\t')),
      );
    } else if (noun === 'key' && verb === 'create' && positionals.length === 2) {
      if (!values.role) throw new UsageError('--role is required: structure, territory or admin');
      if (!values.label) throw new UsageError('--label is required (who holds the key)');
      const made = (await call('POST', 'v1/keys', {
        role: values.role,
        label: values.label,
        ...(values.org ? { organisation: values.org } : {}),
        ...(values.territory ? { territory: values.territory } : {}),
      })) as { id: string; key: string };
      print(made, () => [`key ${made.id} created; it is shown this once, keep it now:`, made.key]);
    } else if (noun === 'key' && verb === 'list' && positionals.length === 2) {
      const list = (await call('GET', 'v1/keys')) as { id: string; role: string; organisation: string | null; territory: string | null; label: string; revokedAt: number | null }[];
      print(list, () => list.map((k) => [k.id, k.role, k.organisation ?? k.territory ?? '', k.label, k.revokedAt === null ? 'active' : `revoked ${iso(k.revokedAt)}`].join('\t')));
    } else if (noun === 'key' && verb === 'revoke') {
      if (argument === undefined) throw new UsageError('key revoke needs the key id (see "key list")');
      one('the key id');
      await call('DELETE', `v1/keys/${encodeURIComponent(argument)}`);
      print({ revoked: argument }, () => [`key ${argument} revoked`]);
    } else if (noun === 'audit' && positionals.length === 1) {
      const limit = values.limit ?? '100';
      if (!/^\d+$/.test(limit)) throw new UsageError(`--limit must be a whole number (got "${limit}")`);
      const list = (await call('GET', `v1/audit?limit=${limit}`)) as { at: number; actor: string; action: string; target: string | null; rows: number | null }[];
      print(list, () => list.map((e) => [iso(e.at), e.actor, e.action, e.target ?? '', e.rows ?? ''].join('\t')));
    } else if (noun === 'webhooks') {
      await runWebhooks(positionals.slice(1), values, call, print);
    } else throw new UsageError(command ? `unknown admin command "${command}"` : 'an admin command is needed');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      stderr.write(`error: ${e.message}\n${ADMIN_USAGE}\n`);
      return 2;
    }
    if (e instanceof CollectorError) {
      stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
