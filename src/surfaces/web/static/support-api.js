// Calls the server's /api/support routes with the same bearer token as the chat page (kept in
// localStorage by api.js), so a browser signed in on either page is signed in on both.
import { callApi } from './api.js';

export const supportApi = {
  /** Opens a conversation with the customer's first message: { threadId, reply }. */
  open: (text) => callApi('POST', '/support/conversations', { text }),
  send: (threadId, text) => callApi('POST', `/support/conversations/${encodeURIComponent(threadId)}/messages`, { text }),
  turns: (threadId) => callApi('GET', `/support/conversations/${encodeURIComponent(threadId)}`),
};

/** Checks the token (any role may talk to the support bot). */
export const whoAmI = () => callApi('GET', '/me');
