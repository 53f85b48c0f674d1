// The shape of a template: what one objective says in one variant's angle. Channel frames
// (en-frame.ts, zh-frame.ts) assemble these pieces into push, e-mail, SMS and WeCom copy.
import type { Objective } from '../../../src/domain/brief.ts';
import type { CopyContext } from '../copy-context.ts';

export type Variant = 'A' | 'B';

/** The variants every channel gets: A leads with the benefit, B is personal and urgent. */
export const VARIANTS: readonly Variant[] = ['A', 'B'];

export interface Voice {
  /** Push title: a few words. */
  headline(context: CopyContext): string;
  /** E-mail subject. */
  subject(context: CopyContext): string;
  /** One short sentence that opens push, SMS and e-mail copy. */
  hook(context: CopyContext): string;
  /** One or two sentences that follow the hook in e-mail and WeCom copy. */
  story(context: CopyContext): string;
  /** The action to take, a short imperative ("Finish checkout", 完成结算). */
  cta(context: CopyContext): string;
}

export type VoicePair = Record<Variant, Voice>;
export type VoiceBook = Record<Objective, VoicePair>;
export type PartialVoiceBook<Objectives extends Objective> = Record<Objectives, VoicePair>;
