/**
 * Email and SMS go out through a provider behind this interface, so a real sender (an SMTP relay,
 * Aliyun DirectMail / SMS) plugs in through `createServices` options without code changes elsewhere.
 */
export interface OutgoingMessage {
  readonly channel: 'EMAIL' | 'SMS';
  readonly to: string;
  readonly title: string;
  readonly body: string;
  /** Stable per outbound message: a provider that supports it sends a retried message once. */
  readonly idempotencyKey: string;
}

export interface MessageSender {
  readonly name: string;
  send(message: OutgoingMessage): Promise<{ ok: true } | { ok: false; detail: string }>;
}

/**
 * DEVELOPMENT ONLY: "sends" by writing the message to a log sink and keeping the last ones in
 * memory (tests read them). Nothing leaves the machine. Production passes a real provider.
 */
export class LoggingMessageSender implements MessageSender {
  readonly name = 'logging sender (development)';
  readonly sent: OutgoingMessage[] = [];

  constructor(private readonly log: (line: string) => void = () => {}) {}

  async send(message: OutgoingMessage): Promise<{ ok: true }> {
    this.sent.push(message);
    if (this.sent.length > 1000) this.sent.shift();
    this.log(`[${message.channel}] to ${message.to}: ${message.title} — ${message.body}`);
    return { ok: true };
  }
}
