"""The tables, as SQLAlchemy Core metadata.

These describe the *current* schema.  Migration ``0001_tables`` creates them on a fresh
database; a later change to a table must come with its own named migration that checks first
whether the column already exists (a fresh database gets it from these definitions).

JSON values are stored as text (``json.dumps``) so SQLite and PostgreSQL hold them alike.
Rows an article owns cascade from ``articles``; rows a story owns cascade from ``stories``.
Link tables and entities stand alone: the linker may record an article before its story exists,
and entities are shared by every story.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(128)


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


migrations = Table(
    "migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # ingestion order
    Column("source", Text),
    Column("title", Text),
    Column("published", String(64)),
    Column("url", Text),
    Column("section", Text),
    Column("updated", Text),
    Column("byline", Text),
    Column("captions", Text, nullable=False, default="[]"),
    Column("stripped", Text, nullable=False, default="[]"),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("supersedes", ID),  # the older revision of the same URL
    Column("story_id", ID),
    Index("ix_articles_url", "url"),
    Index("ix_articles_story", "story_id"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("url", Text, primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("article_id", ID, _article_fk(), nullable=False, unique=True),
)

sentences = Table(
    "sentences",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", ID, primary_key=True),
    Column("type", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False, default="[]"),
    Column("roles", Text, nullable=False, default="[]"),
)

entity_mentions = Table(
    "entity_mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("local_key", String(128), nullable=False),
    Column("local_type", String(32)),
    Column("local_name", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("entity_id", ID),  # the global entity, once a story is reconciled
    Index("ix_entity_mentions_article_key", "article_id", "local_key"),
    Index("ix_entity_mentions_entity", "entity_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("claim_id", String(64), primary_key=True),
    Column("speaker_text", Text, nullable=False),
    Column("speaker_key", String(128)),  # article-local entity key
    Column("speaker_entity_id", ID),  # global entity, set by save_story
    Column("cue", Text, nullable=False),
    Column("content", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("stance", String(32), nullable=False),
    Column("direct", Boolean, nullable=False, default=False),
    Column("channel", Text),
    Column("spans", Text, nullable=False, default="{}"),  # JSON {speaker, cue, content}: [start, end]
    Column("mention_id", String(64)),  # event mention in the same article
    Column("event_id", ID),  # global event, set by save_story
    Index("ix_claims_event", "event_id"),
    Index("ix_claims_speaker", "speaker_entity_id"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("mention_id", String(64), primary_key=True),
    Column("trigger", Text, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text),
    Column("background", Boolean, nullable=False, default=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("event_id", ID),  # global event, set by save_story
    Index("ix_event_mentions_event", "event_id"),
)

analyses = Table(
    "analyses",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("data", Text, nullable=False),  # codec.dumps(ArticleAnalysis)
)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("title", Text, nullable=False),
    Column("main_event", ID),
    Column("duplicates", Text, nullable=False, default="[]"),
    Column("saved_at", String(40), nullable=False),
    # Denormalised at save time so listing and filtering need no joins.
    Column("n_articles", Integer, nullable=False, default=0),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("n_disagreements", Integer, nullable=False, default=0),
    Column("main_event_type", Text),
    Column("country", Text),
    Column("iso", String(8)),
    Column("date", String(40)),
    Column("fatalities", Integer),
    Column("latest", String(40)),  # newest article published (or ingested) time
    Index("ix_stories_latest", "latest"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", ID, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_story_articles_article", "article_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("story_id", ID, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text),
    Column("background", Boolean, nullable=False, default=False),
    Column("date_value", String(40)),
    Column("date_text", Text),
    Column("date_precision", String(16)),
    Column("place_name", Text),
    Column("place_country", Text),
    Column("place_iso", String(8)),
    Column("place_admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", Integer),
    Column("place_detail", Text),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("injured_low", Integer),
    Column("injured_best", Integer),
    Column("injured_high", Integer),
    Column("reports", Text, nullable=False, default="[]"),  # [{article, sentence, span}]
    Index("ix_events_story", "story_id"),
    Index("ix_events_type", "event_type"),
    Index("ix_events_date", "date_value"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("role", String(32), nullable=False),
    Column("entity_id", ID),
    Column("name", Text, nullable=False),
    Column("status", String(32), nullable=False),
    Index("ix_event_actors_entity", "entity_id"),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("attribute", String(64), nullable=False),
    Column("status", String(32), nullable=False),
    Column("value", Text),  # JSON
    Index("ix_facts_event", "event_id"),
)

fact_reports = Table(
    "fact_reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("article_id", ID, nullable=False),
    Column("value", Text),  # JSON
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("attributed_to", Text),
    Column("certainty", String(32), nullable=False),
    Index("ix_fact_reports_fact", "fact_id"),
)

link_keys = Table(
    "link_keys",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("article_id", ID, primary_key=True),
    Index("ix_link_keys_article", "article_id"),
)

link_features = Table(
    "link_features",
    metadata,
    Column("article_id", ID, primary_key=True),
    Column("story_id", ID, nullable=False),
    Column("features", Text, nullable=False),  # JSON, the linker's own
    Index("ix_link_features_story", "story_id"),
)

# Searchable text per story; on SQLite an FTS5 table of the same name replaces it when the
# SQLite build has FTS5 (migration 0002), on PostgreSQL a GIN index over to_tsvector serves it.
story_search = Table(
    "story_search",
    metadata,
    Column("story_id", ID, primary_key=True),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
)

# Tables that table_counts() reports, in a stable order.
COUNTED = (
    "articles",
    "revisions",
    "sentences",
    "entities",
    "entity_mentions",
    "claims",
    "event_mentions",
    "analyses",
    "stories",
    "story_articles",
    "events",
    "event_actors",
    "facts",
    "fact_reports",
    "link_keys",
    "link_features",
    "story_search",
)
