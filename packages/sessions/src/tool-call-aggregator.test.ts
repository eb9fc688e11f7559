import { describe, expect, it } from 'vitest';
import { SessionError } from './session-error.js';
import { ToolCallAggregator } from './tool-call-aggregator.js';

describe('ToolCallAggregator with hostile deltas', () => {
  it.each([['__proto__'], ['constructor'], [-1], [1.5], [1e9], [Number.NaN], [undefined]])(
    'rejects index %s with a clear error',
    (index) => {
      const aggregator = new ToolCallAggregator();
      expect(() => aggregator.add([{ index, id: 'x', function: { name: 'f', arguments: '{}' } }])).toThrow(
        SessionError,
      );
      expect(({} as Record<string, unknown>).id).toBeUndefined(); // nothing reached Object.prototype
      expect(({} as Record<string, unknown>).function).toBeUndefined();
    },
  );

  it('rejects a call that never got an id', () => {
    const aggregator = new ToolCallAggregator();
    aggregator.add([{ index: 0, function: { name: 'f', arguments: '{}' } }]);
    expect(() => aggregator.result()).toThrow('call 0 has no id');
  });

  it('ignores non-string fragments and keeps the order of indexes', () => {
    const aggregator = new ToolCallAggregator();
    aggregator.add([
      { index: 1, id: 'b', function: { name: 'g', arguments: { evil: true } } },
      { index: 0, id: 'a', function: { name: 'f', arguments: '{}' } },
    ]);
    expect(aggregator.result().map((call) => [call.id, call.function.arguments])).toEqual([
      ['a', '{}'],
      ['b', ''],
    ]);
  });
});
