/**
 * The words of the mails readers get, from the edition's messages (`mail.*`), so a reader of
 * the Spanish edition is written to in Spanish: the links an account sends (verify, sign in,
 * new address), which open that edition's account pages, and reply notifications, in the
 * language of the story the thread is on.
 */
import type { Edition, Editions } from '../../core/editions.js';
import { editionPath } from '../../core/editions.js';
import type { LinkMailPlace } from '../../services/readers.js';
import type { ReplyMailWords } from '../../services/reply-notifications.js';
import { translator } from '../i18n/translate.js';

export function accountMails(edition: Pick<Edition, 'prefix' | 'language' | 'locale'>): LinkMailPlace {
  const t = translator(edition.language, edition.locale);
  return {
    accountPath: editionPath(edition, '/account'),
    words: (kind, values) => ({ subject: t(`mail.${kind}.subject`, values), text: t(`mail.${kind}.text`, values) }),
  };
}

export function replyMails(editions: Editions): ReplyMailWords {
  return (language, { direct, siteName, ...values }) => {
    const edition = editions.of(language);
    const t = translator(edition.language, edition.locale);
    const reason = t(direct ? 'mail.reply.reasonDirect' : 'mail.reply.reasonThread', { siteName });
    return { subject: t(direct ? 'mail.reply.subjectDirect' : 'mail.reply.subjectThread', values), text: t('mail.reply.text', { ...values, reason }) };
  };
}
