// name: documents_overview
// purpose: Every document with its kind, years, jurisdiction and how many sections, entities and metrics it has.
MATCH (d:Document)
OPTIONAL MATCH (s:Section)
WHERE s.doc = d.name
WITH d, count(s) AS sections
OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(s:Sentence)
WHERE s.doc = d.name AND e.type IS NOT NULL
WITH d, sections, count(DISTINCT e.id) AS entities, count(m) AS mentions
OPTIONAL MATCH (x:Metric)
WHERE x.doc = d.name
RETURN d.name AS document, d.title AS title, d.kind AS kind, d.years AS years,
       coalesce(d.jurisdiction, '') AS jurisdiction, sections, entities, mentions, count(x) AS metrics
ORDER BY document
