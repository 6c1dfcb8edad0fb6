// Identifiers a node hands out: pod IPs from the node's spec.podCIDR (host-local IPAM: the
// next free address after the last one given, wrapping around) and containerd container IDs.

import type { Random } from '../clock';

/** Allocates pod IPs sequentially from an IPv4 CIDR, skipping the network, the gateway (.1) and broadcast. */
export class IpAllocator {
  private readonly base: number;
  private readonly size: number;
  private last = 1;
  private inUse = new Set<number>();

  /** `cidr` like `10.244.1.0/24`; an unparsable CIDR falls back to 10.244.0.0/24. */
  constructor(cidr: string | undefined) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? '');
    const parts = m ? m.slice(1, 5).map(Number) : [10, 244, 0, 0];
    const bits = m ? Number(m[5]) : 24;
    this.size = 2 ** (32 - Math.min(30, Math.max(8, bits)));
    const ip = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
    this.base = ip - (ip % this.size);
  }

  /** The next free address (`10.244.1.2` first), or undefined when the range is exhausted. */
  allocate(): string | undefined {
    for (let i = 0; i < this.size; i++) {
      let off = this.last + 1 + i;
      off = ((off - 2) % (this.size - 3)) + 2; // usable offsets are 2 .. size-2
      if (this.inUse.has(off)) continue;
      this.inUse.add(off);
      this.last = off;
      return formatIp(this.base + off);
    }
    return undefined;
  }

  /** Marks an address in use (a restarted kubelet adopting its pods' IPs). */
  reserve(ip: string): void {
    const n = parseIp(ip);
    if (n !== undefined) this.inUse.add(n - this.base);
  }

  /** The last offset handed out, so a restored node goes on from where it was. */
  get lastOffset(): number {
    return this.last;
  }

  set lastOffset(n: number) {
    this.last = n;
  }

  release(ip: string): void {
    const n = parseIp(ip);
    if (n !== undefined) this.inUse.delete(n - this.base);
  }
}

function formatIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

function parseIp(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  return ((Number(m[1]) << 24) >>> 0) + (Number(m[2]) << 16) + (Number(m[3]) << 8) + Number(m[4]);
}

const HEX = '0123456789abcdef';

/** A containerd container ID as the API shows it: `containerd://` + 64 hex digits. */
export function newContainerID(random: Random): string {
  return `containerd://${random.string(64, HEX)}`;
}
