// The merge fields copy may contain; the sender fills them per recipient. Nothing else personal
// ever goes into copy.

export const FIRST_NAME = '{{first_name}}';
export const LAST_VIEWED_PRODUCT = '{{last_viewed_product}}';
/** Only in copy for a brief with an offer. */
export const COUPON_CODE = '{{coupon_code}}';
/** E-mail only: the one-click unsubscribe link. */
export const UNSUBSCRIBE_URL = '{{unsubscribe_url}}';

export const ALLOWED_PLACEHOLDERS: readonly string[] = [FIRST_NAME, LAST_VIEWED_PRODUCT, COUPON_CODE, UNSUBSCRIBE_URL];

/** Every `{{placeholder}}` in `text`, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return text.match(/\{\{[^{}]*\}\}/g) ?? [];
}
