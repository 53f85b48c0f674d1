// Calls the server's /api/support routes with the same bearer token as the chat page (kept in
// localStorage by api.js), so a browser signed in on either page is signed in on both.
import { ApiError, storedToken } from './api.js';

async function call(method, path, body) {
  const response = await fetch(`/api/support${path}`, {
    method,
    headers: { authorization: `Bearer ${storedToken() ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, payload.code ?? 'HTTP_' + response.status, payload.message ?? response.statusText);
  return payload;
}

export const supportApi = {
  /** Opens a conversation with the customer's first message: { threadId, reply }. */
  open: (text) => call('POST', '/conversations', { text }),
  send: (threadId, text) => call('POST', `/conversations/${encodeURIComponent(threadId)}/messages`, { text }),
  turns: (threadId) => call('GET', `/conversations/${encodeURIComponent(threadId)}`),
};

/** Checks the token (any role may talk to the support bot). */
export async function whoAmI() {
  const response = await fetch('/api/me', { headers: { authorization: `Bearer ${storedToken() ?? ''}` } });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, payload.code ?? 'HTTP_' + response.status, payload.message ?? response.statusText);
  return payload;
}
