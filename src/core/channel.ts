/**
 * Opaque addresses. Only a platform adapter decodes the part after its prefix:
 * `shell:local`, `slack:T1:C123`, `discord:G1:C9`, and for people
 * `slack:T1:U42`, `discord:U7`.
 */
export type ChannelRef = string;
export type UserRef = string;

/** Who a digest goes to: a channel, or a person by direct message. */
export interface Subscriber {
  kind: 'channel' | 'user';
  ref: ChannelRef | UserRef;
}

export const SHELL_CHANNEL: ChannelRef = 'shell:local';
export const SHELL_USER: UserRef = 'shell:local';

/** The platform prefix of a reference (`slack`, `discord`, `shell`). */
export function platformOf(ref: string): string {
  const colon = ref.indexOf(':');
  return colon === -1 ? ref : ref.slice(0, colon);
}

/** A stable string key for a subscriber, used in stores and delivery keys. */
export function subscriberKey(subscriber: Subscriber): string {
  return `${subscriber.kind}:${subscriber.ref}`;
}

export function parseSubscriberKey(key: string): Subscriber {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  if (kind !== 'channel' && kind !== 'user') throw new Error(`Not a subscriber key: ${key}`);
  return { kind, ref: key.slice(colon + 1) };
}
