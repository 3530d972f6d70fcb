/**
 * The client's address behind reverse proxies. `X-Forwarded-For` is a list each proxy appends
 * to: only the entries added by proxies we trust are reliable, and the client writes whatever it
 * likes on the left. So the address is the right-most entry that is not a trusted proxy, and the
 * header is read only when the connection itself comes from a trusted proxy (docs/collector.md,
 * "Rate limit").
 */

/**
 * Trusted proxies: exact addresses (`10.0.0.5`, `::1`) or IPv4 ranges (`10.0.0.0/8`).
 *
 * @example
 * const trusted = trustedProxies(['127.0.0.1', '10.0.0.0/8']);
 * trusted('10.1.2.3'); // true
 */
export function trustedProxies(entries: readonly string[]): (address: string) => boolean {
  const exact = new Set<string>();
  const ranges: { base: number; mask: number }[] = [];
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const v4 = ipv4(address ?? '');
    if (bits !== undefined && v4 !== null) {
      const n = Number(bits);
      const mask = n === 0 ? 0 : (~0 << (32 - n)) >>> 0;
      ranges.push({ base: (v4 & mask) >>> 0, mask });
    } else exact.add(normalise(entry));
  }
  return (address) => {
    const a = normalise(address);
    if (exact.has(a)) return true;
    const v4 = ipv4(a);
    return v4 !== null && ranges.some((r) => ((v4 & r.mask) >>> 0) === r.base);
  };
}

/**
 * The address to key the rate limit on: the connection's peer, or, when the peer is a trusted
 * proxy, the right-most `X-Forwarded-For` entry that is not a trusted proxy.
 *
 * @example
 * clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.3', trustedProxies(['10.0.0.0/8'])); // '203.0.113.7'
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: (address: string) => boolean): string | undefined {
  if (peer === undefined || !trusted(peer) || !forwardedFor) return peer === undefined ? undefined : normalise(peer);
  const hops = forwardedFor.split(',').map((hop) => normalise(hop.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted(hops[i]!)) return hops[i];
  // Every hop is a trusted proxy: the left-most one is the closest we know to the client.
  return hops[0] ?? normalise(peer);
}

/** `::ffff:1.2.3.4` (IPv4 over an IPv6 socket) → `1.2.3.4`; lower case. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && ipv4(a.slice(7)) !== null ? a.slice(7) : a;
}

function ipv4(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => ((n << 8) | Number(p)) >>> 0, 0);
}
