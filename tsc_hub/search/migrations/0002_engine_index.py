"""The engines' own index structures, for the database in use (the other one is left alone).

SQLite: an FTS5 table with external content (the analysed columns of search_searchdocument), tokenised with
FTS5's `ascii` tokenizer so that our own analysis (tsc_hub.search.analysis) decides every token, and three
triggers that keep it in step with the table, so any write (services, cascades, admin) keeps it consistent
inside its transaction. Caution: Django rebuilds a SQLite table to alter it, which drops its triggers; a
migration that alters SearchDocument must create them again (a test checks that they exist).

PostgreSQL: a tsvector column on search_searchentry (title weight A, body weight B, facet tokens without
positions), filled by triggers from the document row, with a GIN index. The tsvector is built from our
tokens as they are, without a text search parser, whose idea of a letter depends on the server's locale.
"""

from django.db import migrations

FTS_COLUMNS = "analysed_title, analysed_body, facet_tokens"
SQLITE_FORWARDS = [
    f"CREATE VIRTUAL TABLE search_fts USING fts5({FTS_COLUMNS}, "
    "content='search_searchdocument', content_rowid='id', tokenize='ascii')",
    f"""CREATE TRIGGER search_document_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.analysed_title, new.analysed_body, new.facet_tokens);
    END""",
    f"""CREATE TRIGGER search_document_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.analysed_title, old.analysed_body, old.facet_tokens);
    END""",
    f"""CREATE TRIGGER search_document_fts_update AFTER UPDATE OF {FTS_COLUMNS} ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {FTS_COLUMNS})
        VALUES ('delete', old.id, old.analysed_title, old.analysed_body, old.facet_tokens);
        INSERT INTO search_fts(rowid, {FTS_COLUMNS})
        VALUES (new.id, new.analysed_title, new.analysed_body, new.facet_tokens);
    END""",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_document_fts_update",
    "DROP TRIGGER IF EXISTS search_document_fts_delete",
    "DROP TRIGGER IF EXISTS search_document_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARDS = [
    # 'token':<position><weight> for each space-separated token; positions stop at PostgreSQL's 16,383.
    r"""CREATE FUNCTION search_tokens_tsv(tokens text, weight text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(
            '''' || replace(replace(t, '\', '\\'), '''', '\''') || ''':' || least(n, 16383) || weight, ' '
        ), '')::tsvector
        FROM unnest(string_to_array(tokens, ' ')) WITH ORDINALITY AS u(t, n)
    $$""",
    # The title, then the body (whose positions follow the title's), then the facet tokens without positions.
    """CREATE FUNCTION search_document_tsv(title text, body text, facets text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT search_tokens_tsv(title, 'A') || search_tokens_tsv(body, 'B')
               || array_to_tsvector(string_to_array(facets, ' '))
    $$""",
    "ALTER TABLE search_searchentry ADD COLUMN tsv tsvector",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING gin (tsv)",
    """CREATE FUNCTION search_entry_fill_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT search_document_tsv(d.analysed_title, d.analysed_body, d.facet_tokens) INTO NEW.tsv
        FROM search_searchdocument d WHERE d.id = NEW.document_id;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER search_entry_fill_tsv BEFORE INSERT OR UPDATE OF document_id ON search_searchentry
        FOR EACH ROW EXECUTE FUNCTION search_entry_fill_tsv()""",
    """CREATE FUNCTION search_document_refresh_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE search_searchentry
        SET tsv = search_document_tsv(NEW.analysed_title, NEW.analysed_body, NEW.facet_tokens)
        WHERE document_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER search_document_refresh_tsv
        AFTER UPDATE OF analysed_title, analysed_body, facet_tokens ON search_searchdocument
        FOR EACH ROW EXECUTE FUNCTION search_document_refresh_tsv()""",
]
POSTGRES_BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_document_refresh_tsv ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_refresh_tsv()",
    "DROP TRIGGER IF EXISTS search_entry_fill_tsv ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_entry_fill_tsv()",
    "DROP INDEX IF EXISTS search_entry_tsv",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tsv",
    "DROP FUNCTION IF EXISTS search_document_tsv(text, text, text)",
    "DROP FUNCTION IF EXISTS search_tokens_tsv(text, text)",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRES_FORWARDS})


def backwards(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
