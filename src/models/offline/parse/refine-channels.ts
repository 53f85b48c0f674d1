// Applies channel edits from a follow-up message: "make it push only", "add email", "drop push",
// "改成只发推送", "加上短信", "去掉邮件". Each channel named takes the nearest edit verb before it.
import type { Channel } from '../../../domain/vocabulary.ts';
import { findChannelMentions } from './parse-channels.ts';

type ChannelEdit = 'set' | 'add' | 'remove';

const VERBS: ReadonlyArray<{ edit: ChannelEdit; pattern: RegExp }> = [
  { edit: 'remove', pattern: /\b(?:drop|remove|no|without|not|don'?t use|do not use|skip|exclude|stop|cut|no more|except)\b|去掉|删除|删掉|不要|不用|不发|取消|别用|别发|移除|去除|除了/g },
  { edit: 'add', pattern: /\b(?:add|also|plus|include|including)\b|加上|增加|添加|再加|也发|也用|同时|加/g },
  { edit: 'set', pattern: /\b(?:only|just|switch(?: it)? to|change(?: it)? to|make it|use|via|by|through|over)\b|改成|改为|换成|改用|只发|只用|只|仅|用/g },
];
const CLAUSE_BREAK = /[,;!?，；。！？]|\bbut\b|\bthen\b|但是?|然后/g;
const AFTER_MODIFIER: ReadonlyArray<{ edit: ChannelEdit; pattern: RegExp }> = [
  { edit: 'set', pattern: /^\s*(?:only|instead)\b/ },
  { edit: 'add', pattern: /^\s*(?:too|as well)\b|^\s*也/ },
];

function clauseAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    if (match.index + match[0].length <= start) from = match.index + match[0].length;
    else if (match.index >= end && match.index < to) to = match.index;
  }
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

function editFor(text: string, start: number, end: number): ChannelEdit {
  const { before, after } = clauseAround(text, start, end);
  let best: { edit: ChannelEdit; at: number } | null = null;
  for (const { edit, pattern } of VERBS) {
    for (const match of before.matchAll(pattern)) {
      const at = match.index + match[0].length;
      if (!best || at > best.at) best = { edit, at };
    }
  }
  if (best) return best.edit;
  return AFTER_MODIFIER.find(({ pattern }) => pattern.test(after))?.edit ?? 'set';
}


/** The channel list after applying the message's edits to `current`; null when it names no channel. */
export function reviseChannels(text: string, current: readonly Channel[]): Channel[] | null {
  const mentions = findChannelMentions(text);
  if (mentions.length === 0) return null;
  const edits = mentions.map((mention) => ({ channel: mention.channel, edit: editFor(text, mention.start, mention.end) }));
  const set = edits.filter((item) => item.edit === 'set').map((item) => item.channel);
  const result: Channel[] = set.length > 0 ? [...new Set(set)] : [...current];
  for (const { channel, edit } of edits) {
    if (edit === 'add' && !result.includes(channel)) result.push(channel);
  }
  return result.filter((channel) => !edits.some((item) => item.edit === 'remove' && item.channel === channel));
}
