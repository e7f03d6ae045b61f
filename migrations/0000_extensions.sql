-- Accent-insensitive search (search vectors and the ILIKE fallback) and trigram indexes.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
-- unaccent() is only STABLE; generated search-vector columns need an IMMUTABLE wrapper with a fixed dictionary.
CREATE OR REPLACE FUNCTION public.unaccent_immutable(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;
