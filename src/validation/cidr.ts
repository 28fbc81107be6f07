import * as ipaddr from 'ipaddr.js';

/** A parsed CIDR block. */
export interface ParsedCidr {
  /** The IP version. */
  readonly version: 4 | 6;
  /** The prefix length. */
  readonly prefix: number;
}

/**
 * Parses an IPv4 or IPv6 CIDR block (`203.0.113.0/24`, `2001:db8::/32`) with ipaddr.js;
 * `undefined` when it is not one. IPv4 must be written in four dotted decimal parts.
 */
export function parseCidr(cidr: string): ParsedCidr | undefined {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(cidr);
  } catch {
    return undefined;
  }
  const [address, prefix] = parsed;
  if (address.kind() === 'ipv4') {
    // ipaddr.js also accepts the classful shorthands of inet_aton (10.1/16); a security group or VPC does not
    return ipaddr.IPv4.isValidFourPartDecimal(cidr.split('/')[0]) ? { version: 4, prefix } : undefined;
  }
  return { version: 6, prefix };
}

/** The network address of a CIDR block (`10.0.0.1/16` -> `10.0.0.0`), `undefined` when not a block. */
export function networkAddress(cidr: string): string | undefined {
  try {
    const [address, prefix] = ipaddr.parseCIDR(cidr);
    if (address.kind() === 'ipv4') return ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
    return ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`).toString();
  } catch {
    return undefined;
  }
}
