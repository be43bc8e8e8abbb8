/**
 * Share links that work without JavaScript; with it, a "Share" button opens the device's
 * own share sheet (Web Share API) and "Copy link" copies the URL. Both start hidden and
 * are revealed by /assets/enhance.js only where the browser supports them.
 */
interface Props {
  url: string;
  title: string;
}

export function ShareLinks({ url, title }: Props) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  const links = [
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'X', href: `https://twitter.com/intent/tweet?url=${u}&text=${t}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: 'Telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { name: 'Email', href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <section class="share" aria-label="Share this story">
      <h2 class="visually-hidden">Share this story</h2>
      <ul>
        {links.map((l) => (
          <li key={l.name}>
            <a href={l.href} rel="noopener" target="_blank" aria-label={`Share on ${l.name} (opens in a new window)`}>
              {l.name}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="share-native" data-share-url={url} data-share-title={title} hidden>
            Share…
          </button>
        </li>
        <li>
          <button type="button" class="share-copy" data-copy-url={url} hidden>
            Copy link
          </button>
          <span class="share-status" role="status" />
        </li>
      </ul>
    </section>
  );
}
