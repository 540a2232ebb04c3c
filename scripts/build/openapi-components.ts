/** What every operation of the API description refers to: how staff sign in, and the error envelope. */
export const components = {
  securitySchemes: {
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-linli_session',
      description: 'The session cookie set by POST /api/auth/login (named `linli_session` on plain-http localhost).',
    },
    bearer: { type: 'http', scheme: 'bearer', description: 'The token POST /api/auth/login answers, for scripts.' },
  },
  schemas: {
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', description: 'Machine-readable, e.g. `invalid_input`, `ticket_not_found`.' },
            message: { type: 'string', description: 'English, for logs; people see the code’s words.' },
            fields: {
              type: 'object',
              additionalProperties: { type: 'string' },
              description: 'For bad input: why, per field path.',
            },
          },
        },
      },
    },
  },
  responses: {
    Error: {
      description: 'An error.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    },
  },
};
