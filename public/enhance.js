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

// Times on the live, schedule and programme pages: the server writes them in the channel's
// zone (<time datetime="..." data-localize="time|datetime">); show them in the reader's own.
if (doc && typeof Intl !== 'undefined' && doc.querySelector('time[data-localize][datetime]')) {
  const lang = doc.documentElement.lang || undefined;
  let zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    zone = undefined;
  }
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const withDay = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short' });
  const dateParts = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });
  const localDate = (d) => {
    const p = Object.fromEntries(dateParts.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}`;
  };
  for (const el of doc.querySelectorAll('time[data-localize][datetime]')) {
    const when = new Date(el.getAttribute('datetime'));
    if (Number.isNaN(when.getTime())) continue;
    if (el.dataset.localize === 'datetime') {
      el.textContent = withDay.format(when);
      continue;
    }
    // In a day of the schedule, a time on another day in the reader's zone says which day.
    const day = el.closest('[data-day]')?.dataset.day;
    el.textContent = day && localDate(when) !== day ? `${weekday.format(when)} ${clock.format(when)}` : clock.format(when);
  }
  if (zone) {
    for (const el of doc.querySelectorAll('[data-localize-zone]')) el.textContent = (zone.split('/').pop() || zone).replace(/_/g, ' ');
  }
}
