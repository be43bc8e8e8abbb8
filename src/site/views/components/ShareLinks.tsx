/**
 * Share links that work without JavaScript; with it, a "Share" button opens the device's
 * own share sheet (Web Share API) and "Copy link" copies the URL. Both start hidden and
 * are revealed by /assets/enhance.js only where the browser supports them.
 */
import type { Translate } from '../../i18n/translate.js';

interface Props {
  t: Translate;
  url: string;
  title: string;
}

export function ShareLinks({ t, url, title }: Props) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  // Network names are brands and stay as they are; "Email" is a word of the edition.
  const network = (name: string) => t('share.on', { network: name });
  const links = [
    { id: 'facebook', name: 'Facebook', label: network('Facebook'), href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { id: 'x', name: 'X', label: network('X'), href: `https://twitter.com/intent/tweet?url=${u}&text=${text}` },
    { id: 'whatsapp', name: 'WhatsApp', label: network('WhatsApp'), href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { id: 'telegram', name: 'Telegram', label: network('Telegram'), href: `https://t.me/share/url?url=${u}&text=${text}` },
    { id: 'email', name: t('share.email'), label: t('share.byEmail'), href: `mailto:?subject=${text}&body=${u}` },
  ];
  return (
    <section class="share" aria-label={t('share.title')}>
      <h2 class="visually-hidden">{t('share.title')}</h2>
      <ul>
        {links.map((l) => (
          <li key={l.id}>
            <a href={l.href} rel="noopener" target="_blank" aria-label={l.label}>
              {l.name}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="share-native" data-share-url={url} data-share-title={title} hidden>
            {t('share.native')}
          </button>
        </li>
        <li>
          <button type="button" class="share-copy" data-copy-url={url} data-copied={t('share.copied')} data-copy-failed={t('share.copyFailed')} hidden>
            {t('share.copy')}
          </button>
          <span class="share-status" role="status" />
        </li>
      </ul>
    </section>
  );
}
