/** JSON schemas at the edge: fastify validates every body and query before a handler runs. */
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const textList = { type: 'array', maxItems: 100, items: text(200) } as const;
const nullableText = (max: number) => ({ anyOf: [{ type: 'string', maxLength: max }, { type: 'null' }] }) as const;

const personFields = {
  name: text(200),
  aliases: textList,
  context: textList,
  country: nullableText(100),
  notes: nullableText(5000),
  public: { type: 'boolean' },
} as const;

export const personCreateSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: personFields,
} as const;

export const personPatchSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: personFields,
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
} as const;

export const feedCreateSchema = {
  type: 'object',
  required: ['url'],
  additionalProperties: false,
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2000 },
    intervalSeconds: { type: 'integer', minimum: 1, maximum: 7 * 24 * 3600 },
    fullText: { type: 'boolean' },
  },
} as const;

export const feedPatchSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    intervalSeconds: feedCreateSchema.properties.intervalSeconds,
    fullText: feedCreateSchema.properties.fullText,
  },
} as const;

export const alertsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    personId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const;

export const subscriptionSchema = {
  type: 'object',
  required: ['email', 'personId'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' },
    personId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  },
} as const;

export const tokenQuery = {
  type: 'object',
  properties: { token: { type: 'string', maxLength: 200 } },
} as const;
