// Refusing to fetch from our own network (SSRF guard). A URL given on the command line or found in
// a feed must not make Dateline talk to loopback, the LAN or cloud metadata endpoints
// (169.254.169.254) unless the user allows it. The check runs on every resolved address, inside
// the socket's own `lookup`, so the address we check is the address we connect to: a DNS answer
// that changes between check and connect (DNS rebinding) cannot slip through.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/** Parses dotted IPv4 into four octets, or undefined. */
function v4Octets(ip: string): [number, number, number, number] | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  const n = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (n.some((x) => !(x >= 0 && x <= 255))) return undefined;
  return n as [number, number, number, number];
}

function isPrivateV4(ip: string): boolean {
  const o = v4Octets(ip);
  if (!o) return true; // unparseable: refuse rather than guess
  const [a, b] = o;
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && o[2] === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Expands an IPv6 address (with optional embedded IPv4 tail) into eight 16-bit groups. */
function v6Groups(ip: string): number[] | undefined {
  let s = ip.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const lastColon = s.lastIndexOf(':');
  const maybeV4 = s.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    // "::ffff:1.2.3.4" → "::ffff:102:304": rewrite the IPv4 tail as two hex groups.
    const o = v4Octets(maybeV4);
    if (!o) return undefined;
    s = `${s.slice(0, lastColon + 1)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (h: string) => (h ? h.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return undefined;
  const groups = [...head, ...new Array<number>(fill).fill(0), ...rest];
  if (groups.some((g) => Number.isNaN(g))) return undefined;
  return groups;
}

function isPrivateV6(ip: string): boolean {
  const g = v6Groups(ip);
  if (!g) return true;
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return true; // :: unspecified
  if (zeroUpTo(7) && g7 === 1) return true; // ::1 loopback
  if (zeroUpTo(5) && g5 === 0xffff) return isPrivateV4(embeddedV4); // ::ffff:a.b.c.d IPv4-mapped
  if (zeroUpTo(6)) return isPrivateV4(embeddedV4); // ::a.b.c.d IPv4-compatible (deprecated)
  if (g0 === 0x64 && g1 === 0xff9b) return isPrivateV4(embeddedV4); // NAT64 64:ff9b::/96
  if (g0 === 0x2002) return isPrivateV4(`${g1 >> 8}.${g1 & 255}.${(g[2] ?? 0) >> 8}.${(g[2] ?? 0) & 255}`); // 6to4
  if ((g0 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // fec0::/10 old site-local
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation
  if (g0 === 0x100 && g1 === 0 && g[2] === 0 && g[3] === 0) return true; // discard-only 100::/64
  return false;
}

/** True for loopback, private, link-local, unique-local, unspecified, multicast and other non-public addresses. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare);
  if (family === 4) return isPrivateV4(bare);
  if (family === 6) return isPrivateV6(bare);
  return true;
}

/** Thrown (through the socket's lookup) when a host resolves to an address we refuse. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'EBLOCKED';
  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private or local address; refused (allow with --allow-private)`);
  }
}

/**
 * A `lookup` for http(s).request that resolves every address of the host and refuses the
 * connection when ANY of them is private (a host that mixes public and private answers is a
 * rebinding trick or a misconfiguration; either way we stay out). The socket then connects to
 * exactly the addresses checked here.
 */
export function guardedLookup(allowPrivate: boolean, isBlocked: (ip: string) => boolean = isPrivateAddress): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (!addresses.length) {
        const e = Object.assign(new Error(`no addresses for ${hostname}`), { code: 'ENOTFOUND' });
        return callback(e, '', 0);
      }
      if (!allowPrivate) {
        const bad = addresses.find((a) => isBlocked(a.address));
        if (bad) return callback(new BlockedAddressError(hostname, bad.address), '', 0);
      }
      // node:net asks for `all: true` when autoSelectFamily (happy eyeballs) is on.
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      } else {
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      }
    });
  };
}

/**
 * Checks a URL's host before any connection: IP literals never reach `lookup` in node:net,
 * so they are checked here. Returns the refusal, or undefined when the host may be tried.
 */
export function checkLiteralHost(url: URL, allowPrivate: boolean, isBlocked: (ip: string) => boolean = isPrivateAddress): BlockedAddressError | undefined {
  if (allowPrivate) return undefined;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) && isBlocked(host)) return new BlockedAddressError(url.hostname, host);
  return undefined;
}
