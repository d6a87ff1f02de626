-- H2 has no trigram indexes: searches scan search_title, which is fine for the catalogue sizes
-- the embedded mode serves.
create index movies_search_title on movies (search_title, id);
create index movies_popularity on movies (popularity desc, search_title, id);
