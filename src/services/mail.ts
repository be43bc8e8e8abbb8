/**
 * Outgoing mail (invitations, password resets, reader links, reply notifications). SMTP through
 * nodemailer when MAIL_URL is set; otherwise each message is written to the log, so a
 * developer can follow a link without a mail server.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe on reply notifications. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(options: { url?: string | undefined; from: string; log: (message: MailMessage) => void }): Mailer {
  if (!options.url) {
    return {
      send(message) {
        options.log(message);
        return Promise.resolve();
      },
    };
  }
  const transport: Transporter = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, ...(message.headers ? { headers: message.headers } : {}) });
    },
  };
}
