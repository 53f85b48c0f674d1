// The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the server validates
// with (z.toJSONSchema), plus the list of routes. Served at /api/openapi.json.
import { z } from 'zod';
import { Plan } from '../../domain/plan.ts';
import { Condition } from '../../domain/segment.ts';
import {
  CampaignDetail,
  CampaignList,
  CreateThreadBody,
  DecisionBody,
  ErrorBody,
  Health,
  Me,
  MessageBody,
  RunAccepted,
  StreamEvent,
  ThreadCreated,
  ThreadPlan,
} from './api-schemas.ts';
import {
  PublicConversationCreated,
  PublicSupportReply,
  SupportConversationBody,
  SupportConversationCreated,
  SupportMessageBody,
  SupportReplyBody,
  SupportTurnsBody,
} from './support-api-schemas.ts';

export interface ApiRoute {
  method: 'get' | 'post';
  /** OpenAPI path template, e.g. /api/threads/{id}/plan. */
  path: string;
  summary: string;
  body?: string;
  /** Success status and the schema (component name) or media type of the answer. */
  success: { status: number; schema?: string; eventStream?: boolean };
  /** Needs a bearer token (everything under /api). */
  auth: boolean;
}

/** Every route of the server, documented; tests walk this list to check each one's auth. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/health', summary: 'Database, model and queue state', success: { status: 200, schema: 'Health' }, auth: false },
  { method: 'get', path: '/api/openapi.json', summary: 'This document', success: { status: 200 }, auth: true },
  { method: 'get', path: '/api/me', summary: "The caller's name and role", success: { status: 200, schema: 'Me' }, auth: true },
  { method: 'post', path: '/api/threads', summary: 'Start a thread, optionally with its first message', body: 'CreateThreadBody', success: { status: 201, schema: 'ThreadCreated' }, auth: true },
  { method: 'post', path: '/api/threads/{id}/messages', summary: 'Send a goal or a refinement (202 and stream; or wait=true for the plan)', body: 'MessageBody', success: { status: 202, schema: 'RunAccepted' }, auth: true },
  { method: 'get', path: '/api/threads/{id}/stream', summary: 'Server-Sent Events: node progress, model tokens, the plan', success: { status: 200, schema: 'StreamEvent', eventStream: true }, auth: true },
  { method: 'get', path: '/api/threads/{id}/plan', summary: "The thread's current plan", success: { status: 200, schema: 'ThreadPlan' }, auth: true },
  { method: 'post', path: '/api/threads/{id}/approve', summary: 'Approve the pending plan (approver or admin role)', body: 'DecisionBody', success: { status: 200, schema: 'Plan' }, auth: true },
  { method: 'post', path: '/api/threads/{id}/reject', summary: 'Reject the pending plan', body: 'DecisionBody', success: { status: 200, schema: 'Plan' }, auth: true },
  { method: 'post', path: '/api/threads/{id}/edit', summary: 'Ask for a change to the pending plan', body: 'MessageBody', success: { status: 202, schema: 'RunAccepted' }, auth: true },
  { method: 'get', path: '/api/campaigns', summary: 'Campaigns and their send states', success: { status: 200, schema: 'CampaignList' }, auth: true },
  { method: 'get', path: '/api/campaigns/{id}', summary: 'A campaign and its plan, with forecast versus actual once an outcome is recorded, and its A/B arms against the holdout', success: { status: 200, schema: 'CampaignDetail' }, auth: true },
  { method: 'post', path: '/api/support/conversations', summary: 'Open a customer conversation with the support bot, optionally with its first message', body: 'SupportConversationBody', success: { status: 201, schema: 'SupportConversationCreated' }, auth: true },
  { method: 'post', path: '/api/support/conversations/{id}/messages', summary: "A customer message: the bot's reply with its sentiment, tone, offer and any hand-over", body: 'SupportMessageBody', success: { status: 200, schema: 'SupportReplyBody' }, auth: true },
  { method: 'get', path: '/api/support/conversations/{id}', summary: 'The turns of a support conversation with the tone chosen for each', success: { status: 200, schema: 'SupportTurnsBody' }, auth: true },
  { method: 'post', path: '/public/support/conversations', summary: 'PUBLIC_SUPPORT=on only, no token: a customer opens a conversation (optionally with a first message) and gets its key', body: 'SupportConversationBody', success: { status: 201, schema: 'PublicConversationCreated' }, auth: false },
  { method: 'post', path: '/public/support/conversations/{id}/messages', summary: "PUBLIC_SUPPORT=on only, no token, header X-Conversation-Key: a customer's message and the bot's reply", body: 'SupportMessageBody', success: { status: 200, schema: 'PublicSupportReply' }, auth: false },
];

const ERROR_STATUSES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing or unknown bearer token',
  403: 'Not allowed for this role',
  404: 'Not found',
  409: 'Conflicts with the thread state',
  413: 'Body too large',
  429: 'Rate limited',
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const named: Record<string, z.ZodType> = {
    Plan, SegmentCondition: Condition, CreateThreadBody, MessageBody, DecisionBody, ThreadCreated, RunAccepted, ThreadPlan, Me, CampaignList, CampaignDetail, Health, StreamEvent, ErrorBody,
    SupportConversationBody, SupportMessageBody, SupportReplyBody, SupportConversationCreated, SupportTurnsBody, PublicSupportReply, PublicConversationCreated,
  };
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'input', unrepresentable: 'any' });
  const schemas: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
    schemas[id] = rest;
  }
  return schemas;
}

function operation(route: ApiRoute) {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const responses: Record<string, unknown> = {
    [route.success.status]: {
      description: route.summary,
      ...(route.success.eventStream
        ? { content: { 'text/event-stream': { schema: ref(route.success.schema!) } } }
        : route.success.schema
          ? { content: { 'application/json': { schema: ref(route.success.schema) } } }
          : {}),
    },
  };
  const statuses = route.auth ? [400, 401, 403, 404, 409, 413, 429] : route.path.startsWith('/public/') ? [400, 404, 413, 429] : [];
  for (const status of statuses) responses[status] = { description: ERROR_STATUSES[status], content: { 'application/json': { schema: ref('ErrorBody') } } };
  return {
    summary: route.summary,
    ...(route.auth ? {} : { security: [] }),
    ...(route.path.includes('{id}') ? { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } }] } : {}),
    ...(route.body ? { requestBody: { required: !['CreateThreadBody', 'DecisionBody', 'SupportConversationBody'].includes(route.body), content: { 'application/json': { schema: ref(route.body) } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument({ version = '0.1.0' }: { version?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: { title: 'campaign-agent', version, description: 'Plan, approve and schedule campaigns by talking to your customer data.' },
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: componentSchemas() },
  };
}
