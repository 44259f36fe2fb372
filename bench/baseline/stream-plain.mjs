// The baseline for streaming cost: the plainest client of the same SDK (openai v6,
// chat.completions.create({ stream: true })) writing each delta to stdout.
//   node bench/baseline/stream-plain.mjs <base url> <model>
import OpenAI from 'openai';

const [baseURL, model] = process.argv.slice(2);
const client = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'sk-test-master', maxRetries: 0 });
const stream = await client.chat.completions.create({
  model,
  messages: [{ role: 'user', content: 'hello' }],
  stream: true,
});
for await (const chunk of stream) {
  const text = chunk.choices[0]?.delta?.content;
  if (text) process.stdout.write(text);
}
process.stdout.write('\n');
