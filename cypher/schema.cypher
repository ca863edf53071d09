// Schema of the kg graph in Neo4j (kg.sinks.neo4j.apply_schema runs it before every load).
// Idempotent: every statement uses IF NOT EXISTS. Labels and types are those of kg/schema.py;
// apply_schema checks each one against the allowlists before running a statement.
// One statement per ';'. Lines starting with // are comments.

// Node keys: one uniqueness constraint on id per label (it also gives the index MERGE uses).
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT campaign_id IF NOT EXISTS FOR (n:Campaign) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT regulation_id IF NOT EXISTS FOR (n:Regulation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_id IF NOT EXISTS FOR (n:Metric) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;

// Relationships carry no id: a document's relationships are deleted with it and written again.
// Per-document lookups (a delta load deletes a changed document's rows by these).
CREATE INDEX semantic_conducts_doc IF NOT EXISTS FOR ()-[r:CONDUCTS]-() ON (r.doc);
CREATE INDEX semantic_issues_doc IF NOT EXISTS FOR ()-[r:ISSUES]-() ON (r.doc);
CREATE INDEX semantic_cooperates_with_doc IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.doc);
CREATE INDEX semantic_measures_doc IF NOT EXISTS FOR ()-[r:MEASURES]-() ON (r.doc);

// Lookups by name on every label, and by document for per-document nodes.
CREATE INDEX document_name IF NOT EXISTS FOR (n:Document) ON (n.name);
CREATE INDEX section_name IF NOT EXISTS FOR (n:Section) ON (n.name);
CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX campaign_name IF NOT EXISTS FOR (n:Campaign) ON (n.name);
CREATE INDEX regulation_name IF NOT EXISTS FOR (n:Regulation) ON (n.name);
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX indicator_name IF NOT EXISTS FOR (n:Indicator) ON (n.name);
CREATE INDEX document_sha256 IF NOT EXISTS FOR (n:Document) ON (n.sha256);
CREATE INDEX section_doc IF NOT EXISTS FOR (n:Section) ON (n.doc);
CREATE INDEX sentence_doc IF NOT EXISTS FOR (n:Sentence) ON (n.doc);
CREATE INDEX metric_doc IF NOT EXISTS FOR (n:Metric) ON (n.doc);
CREATE INDEX metric_indicator IF NOT EXISTS FOR (n:Metric) ON (n.indicator);

// Full-text search for Chinese: the 'cjk' analyzer indexes character bigrams, so a query for
// "交通运输局" finds "英德市交通运输局" and its aliases. Query with
//   CALL db.index.fulltext.queryNodes('entity_names', '"交通运输局"') YIELD node, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Agency|Organization|Campaign|Regulation) ON EACH [n.name, n.aliases]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX titles IF NOT EXISTS FOR (n:Document|Section) ON EACH [n.title]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX metric_text IF NOT EXISTS FOR (n:Metric) ON EACH [n.text, n.indicator]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX sentence_text IF NOT EXISTS FOR (n:Sentence) ON EACH [n.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
