import { array, id, object, optional, string, text, type LocalizedText, type WidgetSpec } from '../shared/config.js';

export interface MailAttachment {
  id: string;
  /** File name, e.g. `attestation.pdf`. */
  name: string;
  /** What the opened file shows. */
  content: LocalizedText[];
}

export interface MailMessage {
  id: string;
  /** Sender's name (a proper name, the same in every language). */
  from: string;
  subject: LocalizedText;
  body: LocalizedText[];
  attachments?: MailAttachment[] | undefined;
}

/**
 * `obs-w-mail`: a simulated mailbox: a list of messages, one opened message, its attachments.
 * Reports `{ message, attachment }` (empty strings until something is opened).
 */
export interface MailConfig {
  messages: MailMessage[];
}

const attachment = object<MailAttachment>({ id, name: string(), content: array(text, 1) });

export const mailSpec: WidgetSpec<MailConfig> = {
  name: 'obs-w-mail',
  shape: object<MailConfig>({
    messages: array(
      object<MailMessage>({ id, from: string(), subject: text, body: array(text, 1), attachments: optional(array(attachment, 1, 'id')) }),
      1,
      'id',
    ),
  }),
  reported: (config) => ({
    message: ['', ...config.messages.map((m) => m.id)],
    attachment: ['', ...config.messages.flatMap((m) => (m.attachments ?? []).map((a) => a.id))],
  }),
};
