import type { MessageKind } from '../../../schema/index.ts';

/** One message as a channel sends it. */
export type OutgoingMessage = {
  id: number;
  kind: MessageKind;
  phone: string;
  /** The whole text, stop link included (the webhook sends it; Aliyun's templates have their own words). */
  text: string;
  /** The template's variables, the stop link among them. */
  params: Record<string, string>;
  urgent: boolean;
  createdAt: number;
};

/**
 * What came of one attempt: sent (with the provider's reference), or failed — `retry` when the
 * provider may take it later (5xx, network, throttling), not for a wrong number or template.
 * `error` is short and never holds the phone, the text or a link.
 */
export type SendResult = { ok: true; ref: string | null } | { ok: false; retry: boolean; error: string };

/** A way to reach residents' phones: Alibaba Cloud SMS, or a district's own platform by webhook. */
export type Channel = { name: string; send(message: OutgoingMessage): Promise<SendResult> };

/** A network failure or a timeout, as a result (the message is tried again). */
export const networkFailure = (err: unknown): SendResult => ({
  ok: false,
  retry: true,
  error: `network: ${err instanceof Error ? err.name : 'error'}`.slice(0, 80),
});
