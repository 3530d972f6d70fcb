/** Version of the content model, apart from the schemas so that code without zod can name it. Bumped on any breaking change to the schemas. */
export const SCHEMA_VERSION = 1;
