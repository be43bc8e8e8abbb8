// Progressive enhancement for the reader site. Everything works without it.
const doc = globalThis.document;
const nav = globalThis.navigator;

if (doc) {
  doc.documentElement.classList.add('js');

  if (typeof nav?.share === 'function') {
    for (const btn of doc.querySelectorAll('button.share-native[data-share-url]')) {
      btn.hidden = false;
      btn.addEventListener('click', () => {
        nav.share({ title: btn.dataset.shareTitle || doc.title, url: btn.dataset.shareUrl }).catch((err) => {
          // The reader closing the share sheet is not an error.
          if (err?.name !== 'AbortError') throw err;
        });
      });
    }
  }

  if (typeof nav?.clipboard?.writeText === 'function') {
    for (const btn of doc.querySelectorAll('button.share-copy[data-copy-url]')) {
      const status = btn.parentElement?.querySelector('.share-status');
      let timer;
      const say = (text) => {
        if (!status) return;
        status.textContent = text;
        globalThis.clearTimeout(timer);
        timer = globalThis.setTimeout(() => { status.textContent = ''; }, 3000);
      };
      btn.hidden = false;
      btn.addEventListener('click', () => {
        nav.clipboard.writeText(btn.dataset.copyUrl).then(() => say('Link copied'), () => say('Copy failed'));
      });
    }
  }
}

// Click-to-load embeds: the provider's player is requested only when the reader asks.
if (doc) {
  for (const frame of doc.querySelectorAll('.embed-frame[data-embed-src]')) {
    const button = frame.querySelector('button.embed-load');
    if (!button) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const iframe = doc.createElement('iframe');
      iframe.src = frame.dataset.embedSrc;
      iframe.title = frame.dataset.embedTitle || 'Embedded video';
      iframe.allow = 'fullscreen; picture-in-picture; encrypted-media';
      iframe.referrerPolicy = 'strict-origin-when-cross-origin';
      iframe.className = 'embed-player';
      frame.replaceChildren(iframe);
      iframe.focus();
    });
  }
}
