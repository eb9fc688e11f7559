// Structured output: a JSON schema the reply must follow, parsed and validated with zod.
import { ResponsesChatSession } from '@wireai/sessions';
import { z } from 'zod';
import { type Example, runIfMain } from '../support/example.js';

const Person = z.object({
  name: z.string().describe("The person's full name"),
  age: z.number().describe("The person's age in years"),
  occupation: z.string(),
  skills: z.array(z.string()),
  is_employed: z.boolean(),
});

const Recipe = z.object({
  dish_name: z.string(),
  prep_time_minutes: z.number(),
  servings: z.number(),
  ingredients: z.array(z.object({ item: z.string(), amount: z.string() })),
  steps: z.array(z.string()),
});

export async function main({ client, log }: Example): Promise<void> {
  const session = new ResponsesChatSession(client, { model: 'gpt-4.1-mini' });
  const person = await session.send(
    'Extract information about this person: John Smith is a 35-year-old software engineer who works at a tech startup. He knows Python, JavaScript, and Go.',
    { schema: Person },
  );
  log('Parsed structured data:');
  log(`  Name: ${person.name}`);
  log(`  Age: ${person.age}`);
  log(`  Skills: ${person.skills.join(', ')}`);
  log(`  Employed: ${person.is_employed ? 'Yes' : 'No'}`);
  const recipe = await session.send('Give me a recipe for chocolate chip cookies', { schema: Recipe });
  log(`Dish: ${recipe.dish_name} (${recipe.ingredients.length} ingredients, ${recipe.steps.length} steps)`);
}

await runIfMain(import.meta.url, 'openai', main);
