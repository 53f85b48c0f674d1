// Talks to the server's /api with the bearer token kept in localStorage, and reads Server-Sent
// Events through fetch (EventSource cannot send an Authorization header).
const TOKEN_KEY = 'campaign-agent.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function storedToken() {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token) {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** One JSON request to `/api${path}` with the stored token; a non-2xx answer throws an ApiError. */
export async function callApi(method, path, body) {
  const response = await fetch(`/api${path}`, {
    method,
    headers: { authorization: `Bearer ${storedToken() ?? ''}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, payload.code ?? 'HTTP_' + response.status, payload.message ?? response.statusText);
  return payload;
}

export const api = {
  me: () => callApi('GET', '/me'),
  createThread: () => callApi('POST', '/threads', {}),
  send: (threadId, text) => callApi('POST', `/threads/${encodeURIComponent(threadId)}/messages`, { text }),
  edit: (threadId, text) => callApi('POST', `/threads/${encodeURIComponent(threadId)}/edit`, { text }),
  plan: (threadId) => callApi('GET', `/threads/${encodeURIComponent(threadId)}/plan`),
  approve: (threadId) => callApi('POST', `/threads/${encodeURIComponent(threadId)}/approve`, {}),
  reject: (threadId) => callApi('POST', `/threads/${encodeURIComponent(threadId)}/reject`, {}),
  campaigns: () => callApi('GET', '/campaigns'),
  campaign: (campaignId) => callApi('GET', `/campaigns/${encodeURIComponent(campaignId)}`),
};

/** Reads the thread's event stream, calling onEvent for each event until `done`. */
export async function followThread(threadId, runId, onEvent) {
  const query = runId ? `?run=${encodeURIComponent(runId)}` : '';
  const response = await fetch(`/api/threads/${encodeURIComponent(threadId)}/stream${query}`, {
    headers: { authorization: `Bearer ${storedToken() ?? ''}`, accept: 'text/event-stream' },
  });
  if (!response.ok || !response.body) {
    const payload = await response.json().catch(() => ({}));
    throw new ApiError(response.status, payload.code ?? 'HTTP_' + response.status, payload.message ?? response.statusText);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let boundary;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
      if (!data) continue;
      const event = JSON.parse(data);
      onEvent(event);
      if (event.type === 'done') {
        await reader.cancel();
        return;
      }
    }
  }
}
