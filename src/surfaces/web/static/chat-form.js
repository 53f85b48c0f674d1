// The sign-in and message forms both chat pages share: a token submitted is stored and starts the
// page; a message is sent on submit or Enter (Shift+Enter for a new line, never mid-composition).
import { storeToken } from './api.js';

const $ = (id) => document.getElementById(id);

/** Forgets the token and shows the sign-in form instead of the workspace, with `message` as its error. */
export function showTokenPanel(message = '') {
  storeToken(null);
  $('workspace').hidden = true;
  $('change-token').hidden = true;
  $('who').textContent = '';
  $('token-panel').hidden = false;
  $('token-error').textContent = message;
  $('token-input').value = '';
  $('token-input').focus();
}

export function wireChatForms({ start, send, isBusy }) {
  // The customers' help page has no sign-in form.
  $('token-form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token-input').value.trim();
    if (!token) return;
    storeToken(token);
    void start();
  });

  $('message-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('message').value.trim();
    if (!text || isBusy()) return;
    $('message').value = '';
    void send(text);
  });

  $('message').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('message-form').requestSubmit();
    }
  });
}
