// Fuzzing segment definitions as they arrive from outside the parser (fast-check): a chat model's
// query_segment arguments and saved segments both go through validateSegmentDefinition. Valid
// definitions with one part broken (a value swapped for arbitrary JSON, extreme numbers or long
// text, a key removed or added) and arbitrary JSON are each either refused with INVALID_INPUT
// naming the path at fault (when validated, or for what only compiling can see, when compiled), or
// accepted and then run on the database without any error.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentDefinition } from '../../src/domain/segment.ts';
import { CodedError } from '../../src/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { compileSegment, validateSegmentDefinition } from './compile-segment.ts';
import { definitionArbitrary, FIXTURE_VALUES, HOSTILE_VALUES } from './segment-arbitraries.ts';
import * as data from './segment-test-data.ts';
import { QuerySegmentInput } from './tool.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON tree (the root is []). */
function pathsOf(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  const children = Array.isArray(value)
    ? value.flatMap((item, index) => pathsOf(item, [...path, index]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : [];
  return [path, ...children];
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json };

function mutate(tree: Json, path: ReadonlyArray<string | number>, mutation: Mutation): Json {
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'add' && tree !== null && typeof tree === 'object' && !Array.isArray(tree)) return { ...tree, [mutation.key]: mutation.value };
    return mutation.kind === 'delete' ? null : tree;
  }
  const [head, ...rest] = path;
  if (Array.isArray(tree)) {
    const index = Number(head);
    if (rest.length === 0 && mutation.kind === 'delete') return tree.filter((_, position) => position !== index);
    return tree.map((item, position) => (position === index ? mutate(item, rest, mutation) : item));
  }
  const object = tree as { [key: string]: Json };
  if (rest.length === 0 && mutation.kind === 'delete') {
    const { [String(head)]: _removed, ...kept } = object;
    return kept;
  }
  return { ...object, [String(head)]: mutate(object[String(head)]!, rest, mutation) };
}

/** Values a model or an edited row might put anywhere. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(-1, 0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 1.5, '', 'x'.repeat(10_000), '\u0000', '2026-02-30', '9999-12-31', '0001-01-01', [], {}, null, true),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: oddValue.map((value): Mutation => ({ kind: 'replace', value })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('kind', 'extra', '__proto__', 'conditions', 'window'), oddValue).map(([key, value]): Mutation => ({ kind: 'add', key, value })) },
);
const brokenDefinition = fc
  .tuple(fc.oneof(definitionArbitrary(HOSTILE_VALUES), definitionArbitrary(FIXTURE_VALUES)), mutation, fc.nat())
  .map(([definition, change, pick]) => {
    const tree = JSON.parse(JSON.stringify(definition)) as Json;
    const paths = pathsOf(tree);
    return mutate(tree, paths[pick % paths.length]!, change);
  });

/** Refused naming where: `segment definition is invalid: root.conditions.0.min: ...` (or (root)). */
function expectNamedRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(CodedError);
  expect((error as CodedError).code).toBe('INVALID_INPUT');
  expect((error as CodedError).message).toMatch(/^segment definition is invalid: (\(root\)|version|root)[^:]*: \S/);
}

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
  await data.insertSegmentTestData(test.db);
});
afterAll(async () => {
  await test?.dispose();
});

describe('segment definitions from outside under fuzzing', () => {
  it('arbitrary JSON is refused naming the path, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ version: fc.jsonValue(), root: fc.jsonValue() }), fc.record({ version: fc.constant(1), root: fc.jsonValue() })), (value) => {
        try {
          expect(SegmentDefinition.safeParse(validateSegmentDefinition(value)).success).toBe(true);
        } catch (error) {
          expectNamedRefusal(error);
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
  });

  it('a definition with one part broken is refused naming the path, or accepted and runs on the database', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(brokenDefinition, async (value) => {
        let definition: SegmentDefinition;
        try {
          definition = validateSegmentDefinition(value);
        } catch (error) {
          expectNamedRefusal(error);
          // The tool's argument schema refuses it already (the model hears why), unless only the NUL check does.
          if (QuerySegmentInput.shape.definition.safeParse(value).success) expect(JSON.stringify(value)).toContain('\\u0000');
          refused += 1;
          return;
        }
        let compiled: ReturnType<typeof compileSegment>;
        try {
          compiled = compileSegment(definition, { asOf: data.AS_OF });
        } catch (error) {
          // What the schema cannot see (a calendar window from 30 February) is refused when compiled, naming the path.
          expect(error).toBeInstanceOf(CodedError);
          expect((error as CodedError).code).toBe('INVALID_INPUT');
          expect((error as CodedError).message).toMatch(/^root[^:]*: \S/);
          refused += 1;
          return;
        }
        const { rows } = await test.db.query<{ customer_id: string }>(compiled.sql, compiled.params);
        expect(rows.every((row) => typeof row.customer_id === 'string')).toBe(true);
        accepted += 1;
      }),
      { numRuns: 1000, seed: 12 },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
