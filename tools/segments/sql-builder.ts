// A tiny bind-parameter collector: every value a query needs is appended here and referred to as
// `$n::type` in the SQL text, so values never become part of the text itself.

/** The PostgreSQL types parameters are cast to; the cast is written next to every placeholder. */
export type SqlType = 'text' | 'text[]' | 'int' | 'numeric' | 'numeric[]' | 'float8' | 'timestamptz' | 'date' | 'boolean';

export interface SqlParams {
  /** The values collected so far, in placeholder order (`$1` is `values[0]`). */
  readonly values: unknown[];
  /** Appends `value` and returns its placeholder with an explicit cast, e.g. `$3::int`. */
  param(value: unknown, type: SqlType): string;
  /**
   * The placeholder of a value shared by several fragments (the as-of instant, a status name): added
   * on first use only, so a statement never carries a parameter it does not reference.
   */
  shared(name: string, value: unknown, type: SqlType): string;
}

/** Starts a collector; `initial` continues the numbering of an already compiled statement. */
export function createSqlParams(initial: readonly unknown[] = []): SqlParams {
  const values = [...initial];
  const sharedPlaceholders = new Map<string, string>();
  const param = (value: unknown, type: SqlType): string => {
    values.push(value);
    return `$${values.length}::${type}`;
  };
  return {
    values,
    param,
    shared(name, value, type) {
      const key = `${name}:${type}`;
      const existing = sharedPlaceholders.get(key);
      if (existing) return existing;
      const placeholder = param(value, type);
      sharedPlaceholders.set(key, placeholder);
      return placeholder;
    },
  };
}
