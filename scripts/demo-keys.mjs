// The demo's keys (npm start): a random admin secret for this run, then, once the collector answers,
// a demo organisation, an open campaign and a structure key made through the admin API. Printed,
// never a fixed default (docs/collector.md, "Access").
import { randomBytes } from 'node:crypto';

/** A fresh admin secret (43 characters, base64url). */
export function demoAdminToken() {
  return randomBytes(32).toString('base64url');
}

/**
 * Waits for the collector, then makes (or finds) the demo organisation and its campaign, and a new
 * structure key (the previous demo keys are revoked).
 * @param {string} base the collector's URL
 * @param {string} adminToken
 * @returns {Promise<{ campaign: string, structureKey: string }>}
 */
export async function demoStructure(base, adminToken, { surveyId = 'observatoire-2025', contentVersion, timeoutMs = 180_000 } = {}) {
  const call = async (method, path, body) => {
    const response = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(new URL('/readyz', base)).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the collector did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const organisation = 'demo';
  const created = await call('POST', '/v1/organisations', { id: organisation, name: 'Structure de démonstration', commune: '35238' });
  if (created.status !== 201 && created.status !== 409) throw new Error(`organisation: HTTP ${created.status}`);
  const campaigns = (await call('GET', '/v1/campaigns')).body.filter((c) => c.organisation === organisation && c.surveyId === surveyId && (!contentVersion || c.contentVersion === contentVersion) && c.closesAt === null);
  let campaign = campaigns[0]?.code;
  if (!campaign) {
    const made = await call('POST', '/v1/campaigns', { organisation, surveyId, contentVersion, opensAt: Date.now() - 60_000, label: 'Démonstration' });
    if (made.status !== 201) throw new Error(`campaign: HTTP ${made.status} ${JSON.stringify(made.body)}`);
    campaign = made.body.code;
  }
  for (const key of (await call('GET', '/v1/keys')).body) if (key.label === 'demo' && key.revokedAt === null) await call('DELETE', `/v1/keys/${key.id}`);
  const key = await call('POST', '/v1/keys', { role: 'structure', organisation, label: 'demo' });
  if (key.status !== 201) throw new Error(`key: HTTP ${key.status}`);
  return { campaign, structureKey: key.body.key };
}
