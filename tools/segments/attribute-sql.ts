// SQL for conditions on custom attributes (`customers.attributes`, a JSON object). The key and every
// compared value are bind parameters. A key holding JSON null counts as absent. Text compares as
// text (byte order, "C" collation, so results do not depend on the server's locale); numbers compare
// numerically, against JSON numbers and against text that is a plain decimal number ("80", "-2.5").
import type { AttributeValue } from '../../src/domain/segment.ts';
import type { CompileContext, LeafOf } from './compile-context.ts';

/** Text that reads as a plain decimal number; anything else is not compared numerically. */
export const NUMERIC_TEXT_PATTERN = '^-?[0-9]+([.][0-9]+)?$';

interface AttributeExpressions {
  /** The attribute as text (`->>`), NULL when absent or JSON null. */
  text: string;
  /** The attribute as a number, NULL when it is not a number or numeric text (its pattern parameter is added on first use). */
  number(): string;
}

function attributeExpressions(key: string, context: CompileContext): AttributeExpressions {
  const text = `(c.attributes ->> ${key})`;
  return {
    text,
    number: () => `(CASE WHEN ${text} ~ ${context.params.shared('numeric_text_pattern', NUMERIC_TEXT_PATTERN, 'text')} THEN ${text}::numeric END)`,
  };
}

/** How a scalar is compared as text: flags as `true` / `false`, text as it is. */
export function attributeText(value: string | boolean): string {
  return typeof value === 'boolean' ? String(value) : value;
}

function equalsSql(value: AttributeValue, attribute: AttributeExpressions, context: CompileContext): string {
  if (typeof value === 'number') return `coalesce(${attribute.number()} = ${context.params.param(value, 'numeric')}, false)`;
  return `coalesce(${attribute.text} = ${context.params.param(attributeText(value), 'text')}, false)`;
}

function compareSql(operator: '>' | '<', value: AttributeValue, attribute: AttributeExpressions, context: CompileContext): string {
  if (typeof value === 'number') return `coalesce(${attribute.number()} ${operator} ${context.params.param(value, 'numeric')}, false)`;
  return `coalesce((${attribute.text} COLLATE "C") ${operator} ${context.params.param(attributeText(value as string), 'text')}, false)`;
}

export function attributeConditionSql(condition: LeafOf<'attribute'>, context: CompileContext): string {
  const attribute = attributeExpressions(context.params.param(condition.key, 'text'), context);
  switch (condition.op) {
    case 'exists':
      return `(${attribute.text} IS NOT NULL)`;
    case 'eq':
      return equalsSql(condition.value!, attribute, context);
    case 'neq':
      return `(${attribute.text} IS NOT NULL AND NOT ${equalsSql(condition.value!, attribute, context)})`;
    case 'gt':
      return compareSql('>', condition.value!, attribute, context);
    case 'lt':
      return compareSql('<', condition.value!, attribute, context);
    case 'in': {
      const values = condition.values ?? [];
      const texts = values.flatMap((value) => (typeof value === 'number' ? [] : [attributeText(value)]));
      const numbers = values.filter((value): value is number => typeof value === 'number');
      return (
        `coalesce(${attribute.text} = ANY(${context.params.param(texts, 'text[]')})` +
        ` OR ${attribute.number()} = ANY(${context.params.param(numbers, 'numeric[]')}), false)`
      );
    }
  }
}
