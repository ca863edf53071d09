// name: indicators_in_several_documents
// purpose: Indicators whose metrics are in at least min_docs documents: how many documents, metrics (masked among them), reporting bodies and years.
// param: min_docs = 2
MATCH (m:Metric)-[:OF_INDICATOR]->(i:Indicator)
OPTIONAL MATCH (m)-[:REPORTED_BY]->(b)
WITH i, count(DISTINCT m.doc) AS documents, count(DISTINCT m.id) AS metrics,
     count(DISTINCT CASE WHEN m.masked THEN m.id END) AS masked, count(DISTINCT b.id) AS bodies,
     min(m.year) AS first_year, max(m.year) AS last_year
WHERE documents >= $min_docs
RETURN i.name AS indicator, i.dimension AS dimension, i.unit AS unit, documents, metrics, masked, bodies,
       first_year, last_year, i.aliases AS aliases
ORDER BY documents DESC, metrics DESC, indicator, dimension
