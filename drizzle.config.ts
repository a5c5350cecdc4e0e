import { defineConfig } from 'drizzle-kit';

// One schema, one migration set, for PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/schema.ts', './src/features/**/schema.ts'],
  out: './db/migrations',
  casing: 'snake_case',
});
