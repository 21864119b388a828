import fc from 'fast-check';

/** Text of any kind: full Unicode (lone surrogates included), control characters, emoji, RTL marks, or plain words. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e\u202d', '🏨✈️🚕'.repeat(50), 'I was charged twice', 'yes', 'no', 'hotel says no reservation', '<script>alert(1)</script>', '{{constructor}}', '__proto__'),
);

/** Strings far longer than any field allows (some beyond the body limit). */
export const hugeText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom('a', 'é', '🏨', ' ', '\\'), fc.integer({ min: 5_000, max: 400_000 })).map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

/** Any JSON value, of any shape (wrong types for every field). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(null, [], {}, 0, -1, 1e308, true, 'x'));

/** A value for a field: usually the wrong type. */
const field = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: hugeText }, { weight: 1, arbitrary: fc.constant(undefined) });

/** Activities that are almost right: each field present or missing, well-typed or not, with random text. */
export function activityLike(conversationIds: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      type: field(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing', 'messageReaction', 'endOfConversation', 'x')),
      channelId: field(fc.constantFrom('test', 'emulator', 'msteams', 'directline', 'webchat')),
      serviceUrl: field(fc.constantFrom('http://127.0.0.1:9', 'not a url', 'https://smba.trafficmanager.net/emea/')),
      deliveryMode: field(fc.constant('expectReplies')),
      conversation: field(fc.record({ id: field(conversationIds), isGroup: fc.option(fc.boolean()) }, { requiredKeys: ['id'] })),
      from: field(fc.record({ id: field(fc.constantFrom('u1', 'u2', '')), name: fc.option(anyText) }, { requiredKeys: ['id'] })),
      recipient: field(fc.record({ id: fc.constant('rebound') })),
      text: fc.oneof({ weight: 8, arbitrary: anyText }, { weight: 1, arbitrary: hugeText }, { weight: 1, arbitrary: anyJson }),
      value: fc.oneof(anyJson, fc.record({ rebound: fc.constantFrom('choose', 'feedback', 'answer', 'x'), target: anyJson, input: anyJson, value: anyJson })),
      name: field(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'x')),
      membersAdded: field(fc.array(fc.record({ id: fc.constantFrom('u1', 'rebound') }), { maxLength: 3 })),
      attachments: field(fc.array(fc.record({ contentType: anyText, content: anyJson }), { maxLength: 2 })),
      entities: field(fc.array(anyJson, { maxLength: 3 })),
      locale: field(anyText),
    },
    // The envelope is usually there (so many activities reach the bot); the rest comes and goes.
    { requiredKeys: ['type', 'channelId', 'serviceUrl', 'deliveryMode', 'conversation', 'from'] },
  );
}

/** A request body: JSON of any shape, an activity-like object, or bytes that are not JSON at all. */
export function anyBody(conversationIds: fc.Arbitrary<string>): fc.Arbitrary<{ body: string; contentType: string }> {
  const json = fc.oneof(anyJson, activityLike(conversationIds)).map((v) => ({ body: JSON.stringify(v) ?? 'null', contentType: 'application/json' }));
  const raw = fc.tuple(fc.oneof(anyText, hugeText), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', 'multipart/form-data'));
  return fc.oneof({ weight: 4, arbitrary: json }, { weight: 1, arbitrary: raw.map(([body, contentType]) => ({ body, contentType })) });
}

/** A header value fetch accepts (printable ASCII). */
export const headerText: fc.Arbitrary<string> = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });

/** Activities that pass validation and reach the bot, with random text, button values and types. */
export function validActivity(conversationIds: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    type: fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'invoke', 'event'),
    channelId: fc.constantFrom('test', 'msteams', 'webchat'),
    serviceUrl: fc.constant('http://127.0.0.1:9'),
    deliveryMode: fc.constant('expectReplies'),
    conversation: conversationIds.map((id) => ({ id })),
    from: fc.constant({ id: 'fuzz-user' }),
    text: fc.oneof(anyText, fc.constantFrom('I was charged twice', 'yes', 'no', 'talk to a person', 'status', 'cancel')),
    value: fc.option(fc.oneof(anyJson, fc.record({ rebound: fc.constantFrom('choose', 'feedback', 'answer'), target: anyJson, input: anyJson, value: anyJson }))),
    name: fc.constantFrom('adaptiveCard/action', 'task/fetch', 'x'),
  });
}
