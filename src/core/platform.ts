import type { Subscriber, UserRef } from './channel.js';
import type { Dispatcher } from './dispatch.js';
import type { Reply } from './reply.js';

/** Identifies one part of one delivery, so a resend after a crash can be recognised. */
export interface DeliveryMark {
  deliveryId: number;
  part: number;
  /** `${deliveryId}:${part}`-like key, at most 25 characters (Discord nonce). */
  key: string;
  digest: string;
  slot: string;
}

/** Why a send failed: `gone` and `forbidden` pause the schedule; others are retried. */
export class SendError extends Error {
  override readonly name = 'SendError';
  constructor(
    readonly kind: 'gone' | 'forbidden' | 'rate-limited' | 'transient',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** A chat platform as the scheduler and main.ts see it. */
export interface Platform {
  /** The reference prefix it serves: `shell`, `slack`, `discord`. */
  readonly name: string;
  start(dispatcher: Dispatcher): Promise<void>;
  stop(): Promise<void>;
  /** Splits a reply into payloads that each fit the platform's message budget. */
  renderParts(reply: Reply): unknown[];
  /** Posts one rendered part to a channel or a person's direct messages. */
  sendPart(to: Subscriber, part: unknown, mark: DeliveryMark): Promise<{ messageId: string }>;
  /** Finds a part already posted with this mark, if the platform can tell. */
  findSent?(to: Subscriber, mark: DeliveryMark): Promise<string | null>;
  /** Tells a person something outside a digest (e.g. their schedule was paused). */
  notify(user: UserRef, reply: Reply): Promise<void>;
}
