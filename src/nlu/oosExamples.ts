/**
 * Generic out-of-scope messages, trained as the `oos` class next to every KB's intents and FAQs. A KB holds
 * only what the bot handles; without negative examples a softmax spreads any off-topic message over the
 * known intents and often picks one confidently. These are deliberately far from travel support.
 */
export const GENERIC_OOS_EXAMPLES: readonly string[] = [
  'what time is it', 'what time is it in tokyo', 'what is the weather like tomorrow', 'will it rain today',
  'tell me a joke', 'sing me a song', 'play some music', 'what is the meaning of life', 'who won the game last night',
  'what is the capital of australia', 'how tall is mount everest', 'how many calories are in an apple',
  'give me a recipe for lasagna', 'how do i bake bread', 'book a table for two at an italian restaurant',
  'what is two plus two', 'solve this equation for x', 'translate good night into german', 'define the word serendipity',
  'set an alarm for six am', 'remind me to call mom', 'add milk to my shopping list', 'turn off the lights',
  'what is my bank balance', 'transfer money to my savings account', 'what is the interest rate on my loan',
  'how do i change the oil in my car', 'what is the best phone to buy', 'recommend a good movie', 'who wrote hamlet',
  'what is the stock price of apple', 'how old is the universe', 'do you like pizza', 'what is your favourite colour',
  'lorem ipsum dolor sit amet', 'asdf qwerty zxcv', 'blah blah blah', 'test test test', 'banana pancake unicorn',
  'how do i fix my printer', 'my computer is slow', 'how do i lose weight', 'what should i eat for dinner',
  'write me a poem about the sea', 'who is the president of france', 'how far is the moon', 'what day is it today',
  'how do i learn python', 'my dog is sick', 'where can i buy cheap shoes', 'how do you make coffee', 'what is bitcoin',
];
