// Refuses ingest targets inside the server's own network (SSRF defence for POST /api/ingest):
// loopback, private, link-local, CGNAT, multicast and reserved ranges, IPv4 and IPv6, checked on
// every address a host name resolves to. The archive's fetcher checks again after redirects.
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b:1::', 48], ['100::', 64],
] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) and NAT64 (64:ff9b::10.0.0.1) addresses: judge the IPv4 inside.
    const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** Why the URL may not be fetched, or undefined when it may. */
export async function refuseReason(rawUrl: string, resolve = lookup): Promise<string | undefined> {
  let url: URL;
  try { url = new URL(rawUrl); } catch { return `not a valid URL: ${rawUrl.slice(0, 200)}`; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs can be ingested: ${url.protocol}`;
  if (url.username || url.password) return 'URLs with credentials are refused';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is a loopback name`;
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolve(host, { all: true, verbatim: true })).map((r) => r.address);
    } catch {
      return `could not resolve ${host}`;
    }
  }
  const bad = addresses.find(isBlockedAddress);
  return bad ? `${host} resolves to a loopback, private or reserved address (${bad}); start the server with --allow-private to allow it` : undefined;
}
