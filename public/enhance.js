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
