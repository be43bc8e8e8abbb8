// Media library uploads: drag and drop, several files at once, a progress bar per file.
// Without JavaScript the form still posts normally.
const form = globalThis.document?.getElementById('upload-form');
const zone = globalThis.document?.getElementById('drop-zone');
const input = globalThis.document?.getElementById('files');
const list = globalThis.document?.getElementById('upload-progress');

function uploadOne(file, csrf) {
  const item = document.createElement('li');
  const label = document.createElement('span');
  label.textContent = `${file.name}: `;
  const bar = document.createElement('progress');
  bar.max = 100;
  bar.value = 0;
  bar.setAttribute('aria-label', `Uploading ${file.name}`);
  const status = document.createElement('span');
  item.append(label, bar, status);
  list.append(item);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/admin/media');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.addEventListener('load', () => {
      let message = 'uploaded';
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status >= 400) message = body.error || `failed (${xhr.status})`;
      } catch {
        if (xhr.status >= 400) message = `failed (${xhr.status})`;
      }
      bar.value = 100;
      status.textContent = ` ${message}`;
      resolve(xhr.status < 400);
    });
    xhr.addEventListener('error', () => {
      status.textContent = ' failed: network error';
      resolve(false);
    });
    const data = new FormData();
    data.append('files', file);
    xhr.send(data);
  });
}

async function uploadAll(files) {
  const csrf = form.querySelector('input[name=_csrf]')?.value ?? '';
  const results = [];
  for (const file of files) results.push(await uploadOne(file, csrf));
  if (results.every(Boolean)) globalThis.location.reload();
}

if (form && zone && input && list) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.files?.length) uploadAll([...input.files]);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])].filter((f) => f.type.startsWith('image/'));
    if (files.length) uploadAll(files);
  });
}
