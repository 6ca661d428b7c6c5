import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './address-guard.js';
import { FetchError } from './fetch-error.js';

export interface ResolvedHost {
  addresses: { address: string; family: number }[];
  /** A `lookup` for http.request that returns exactly the checked addresses, so a DNS answer cannot change between check and connect. */
  pinnedLookup: LookupFunction;
}

/** Resolve a URL's host, refusing it if ANY address is private (unless allowed). */
export async function resolveHost(
  url: URL,
  allowPrivate: boolean,
  timeoutMs: number,
  blockAddress?: (address: string) => boolean,
): Promise<ResolvedHost> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  const literal = isIP(host);
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new FetchError('timeout', url.href, `Looking up ${host} for ${url.href} took longer than ${timeoutMs} ms; check the host name, or try again later.`)),
          timeoutMs,
        );
      });
      addresses = await Promise.race([lookup(host, { all: true }), timeout]);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw new FetchError('dns', url.href, `Could not resolve the host ${host} of ${url.href}: check the URL for typos, or whether the site still exists.`, undefined, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
  if (addresses.length === 0) {
    throw new FetchError('dns', url.href, `The host ${host} of ${url.href} has no addresses: check the URL.`);
  }
  const refuse = (address: string): boolean => (!allowPrivate && isPrivateAddress(address)) || (blockAddress?.(address) ?? false);
  {
    const bad = addresses.find((a) => refuse(a.address));
    if (bad) {
      throw new FetchError(
        'private-address',
        url.href,
        `Refused to fetch ${url.href}: ${host} resolves to ${bad.address}, a private, loopback or blocked address. If this source is on your own network, enable FETCH_ALLOW_PRIVATE.`,
      );
    }
  }
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    const family = typeof options === 'object' && options ? options.family : undefined;
    const fitting = addresses.filter((a) => !family || family === a.family);
    const list = fitting.length > 0 ? fitting : addresses;
    if (typeof options === 'object' && options?.all) {
      (callback as unknown as (err: null, list: { address: string; family: number }[]) => void)(null, list);
    } else {
      const first = list[0]!;
      callback(null, first.address, first.family);
    }
  };
  return { addresses, pinnedLookup };
}
