/*
 * The import form sent with upload progress (XMLHttpRequest's upload events; fetch has none). On success the browser
 * follows the service's redirect to the import's page; a refusal is shown above the form as the service wrote it.
 * The button waits while a file is on its way, so that one click sends it once.
 * Without script the form posts as it is.
 */
(function () {
  'use strict';
  const form = document.getElementById('upload');
  const progress = document.getElementById('upload-progress');
  const status = document.getElementById('upload-status');
  const submit = form.querySelector('button[type=submit]');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    progress.hidden = false;
    submit.disabled = true;
    request.upload.addEventListener('progress', update => {
      if (update.lengthComputable) {
        progress.value = Math.round(update.loaded / update.total * 100);
        status.textContent = 'Uploaded ' + (update.loaded / 1048576).toFixed(1) + ' of '
          + (update.total / 1048576).toFixed(1) + ' MiB (' + progress.value + ' %).';
      }
    });
    request.addEventListener('load', () => {
      if (request.status < 400) {
        window.location.assign(request.responseURL);
        return;
      }
      const answer = new DOMParser().parseFromString(request.responseText, 'text/html');
      const error = answer.getElementById('upload-error');
      status.textContent = '';
      showError(error ? error.textContent : 'The upload was refused (' + request.status + ').');
    });
    request.addEventListener('error', () => showError('The upload failed: the service could not be reached.'));
    request.send(new FormData(form));
  });

  function showError(text) {
    let error = document.getElementById('upload-error');
    if (!error) {
      error = document.createElement('p');
      error.id = 'upload-error';
      error.className = 'error';
      error.setAttribute('role', 'alert');
      form.before(error);
    }
    error.textContent = text;
    progress.hidden = true;
    submit.disabled = false;
  }
})();
