import nodemailer, { type Transporter } from 'nodemailer';

/** How a send attempt ended, in the terms deliveries are kept in. */
export type SendResult = { status: 'sent' | 'delivered'; providerRef: string; detail: string };

/** The recipient's side refused for good (SMTP 5xx, an invalid number): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  constructor(
    message: string,
    readonly bounce: boolean,
  ) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  attachment?: { filename: string; content: Buffer };
  /** The same for every attempt and resend of one copy: a copy sent twice shows as one message in most mail clients. */
  messageId?: string;
}

/**
 * Email through SMTP (nodemailer). A 5xx reply is a bounce (permanent); a 4xx reply, a refused
 * connection or a timeout is transient and retried by the caller with backoff. Acceptance by the
 * server is `sent`: without delivery status notifications from the far end there is no `delivered`.
 */
export class SmtpEmail {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    const u = new URL(smtpUrl);
    this.transport = nodemailer.createTransport({
      host: u.hostname,
      port: Number(u.port || 25),
      secure: u.protocol === 'smtps:',
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      // A local relay without TLS must not be upgraded opportunistically (and fail on a self-signed cert).
      ignoreTLS: u.searchParams.get('tls') === 'off' || u.hostname === '127.0.0.1' || u.hostname === 'localhost',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(m: EmailMessage): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.messageId ? { messageId: m.messageId } : {}),
        attachments: m.attachment ? [{ filename: m.attachment.filename, content: m.attachment.content, contentType: 'application/pdf' }] : [],
      });
      if (info.rejected.length > 0) throw new PermanentDeliveryError(`refused by the mail server: ${info.response}`, true);
      return { status: 'sent', providerRef: info.messageId, detail: info.response };
    } catch (e) {
      if (e instanceof PermanentDeliveryError) throw e;
      const code = (e as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new PermanentDeliveryError(`bounced: ${(e as Error).message}`, true);
      throw e;
    }
  }

  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}

/** The domain of the sender's address ("Claims <claims@insurer.example>" → insurer.example), for message ids. */
export function mailDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'localhost';
}
