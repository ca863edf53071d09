// name: metrics_by_body
// purpose: What one body reports: its metrics by indicator and year, with the value (null when masked), how it was found to report it (subject or author), document and sentence.
// param: body = 英德市交通运输局
MATCH (m:Metric)-[r:REPORTED_BY]->(b)
WHERE b.name = $body OR $body IN b.aliases
OPTIONAL MATCH (m)-[:OF_INDICATOR]->(i:Indicator)
OPTIONAL MATCH (m)-[:MENTIONED_IN]->(s:Sentence)
RETURN b.name AS body, i.name AS indicator, m.indicator AS phrase, m.year AS year, m.period AS period,
       CASE WHEN m.masked THEN null ELSE m.value END AS value, m.unit AS unit, m.kind AS kind,
       m.masked AS masked, r.how AS how, m.doc AS document, m.start AS offset, s.text AS sentence
ORDER BY indicator, year, period, document, offset, body
